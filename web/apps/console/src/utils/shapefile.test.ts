import { zip } from '@mapbox/shp-write';
import { describe, expect, it } from 'vitest';
import { classifyPrj, readShapefile, ShapefileError } from './shapefile';

const CGCS2000 =
  'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]';
const GAUSS_KRUGER =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],UNIT["Meter",1.0]]';

function square(west: number, south: number, size: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

function grids(): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [1, 2].map((i) => ({
      type: 'Feature',
      properties: {
        CODE: `320505006001${String(i).padStart(3, '0')}`,
        NAME: `Grid ${i}`,
        PARENT: '320505006001',
      },
      geometry: square(120.5 + i * 0.01, 31.3, 0.01),
    })),
  };
}

// shp-write writes the .dbf as Latin-1 without a .cpg, so the names are ASCII here
async function shapefile(prj?: string): Promise<Uint8Array> {
  return zip<'uint8array'>(grids(), { outputType: 'uint8array', compression: 'DEFLATE', prj });
}

describe('a zipped Shapefile read in the browser', () => {
  it('gives the codes, names and polygons of its features', async () => {
    const result = await readShapefile(await shapefile(CGCS2000));
    expect(result.crs).toBe('CGCS2000');
    expect(result.collection.features).toHaveLength(2);
    const [first, second] = result.collection.features;
    expect(first.properties).toMatchObject({
      CODE: '320505006001001',
      NAME: 'Grid 1',
      PARENT: '320505006001',
    });
    expect(second.properties?.CODE).toBe('320505006001002');
    expect(first.geometry.type).toBe('Polygon');
    const ring = (first.geometry as GeoJSON.Polygon).coordinates[0];
    expect(ring).toHaveLength(5);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThanOrEqual(120.51 - 1e-9);
      expect(lon).toBeLessThanOrEqual(120.52 + 1e-9);
      expect(lat).toBeGreaterThanOrEqual(31.3 - 1e-9);
      expect(lat).toBeLessThanOrEqual(31.31 + 1e-9);
    }
  });

  it('takes the WGS-84 .prj that shp-write writes by default as is', async () => {
    const result = await readShapefile(await shapefile());
    expect(result.crs).toBe('WGS84');
    expect((result.collection.features[0].geometry as GeoJSON.Polygon).coordinates[0][0]).toEqual([
      120.51, 31.3,
    ]);
  });

  it('refuses a projected CRS and names it', async () => {
    await expect(readShapefile(await shapefile(GAUSS_KRUGER))).rejects.toMatchObject({
      reason: 'projection',
      detail: 'CGCS2000_3_Degree_GK_CM_120E',
    });
  });

  it('refuses a zip without a .shp', async () => {
    const error = await readShapefile(
      new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShapefileError);
    expect((error as ShapefileError).reason).toBe('noLayer');
  });

  it('classifies .prj texts', () => {
    expect(classifyPrj(null).crs).toBe('NONE');
    expect(classifyPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]').crs).toBe('WGS84');
    expect(classifyPrj('GEOGCS["Beijing 1954",DATUM["Beijing_1954"]]')).toEqual({
      crs: 'OTHER',
      name: 'Beijing 1954',
    });
  });
});
