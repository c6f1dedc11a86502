import { iter } from 'but-unzip';
// shpjs ships no types; its three parsers are declared in shpjs.d.ts
import { combine, parseDbf, parseShp } from 'shpjs';

// A zipped Shapefile (.shp/.dbf/.prj/.cpg) read in the browser into the GeoJSON the boundary
// import API takes (ADR 0014). Coordinates stay as they are: only geographic WGS-84 or CGCS2000
// is accepted, anything else (a projected CRS, an unknown datum) is reported, never guessed.

export type ShapefileCrs = 'WGS84' | 'CGCS2000' | 'NONE' | 'OTHER';

export interface ShapefileResult {
  collection: GeoJSON.FeatureCollection;
  /** what the .prj says; `NONE` when the zip has none (the dialog's CRS choice applies) */
  crs: ShapefileCrs;
  /** the CRS name from the .prj, for messages */
  crsName: string | null;
  layer: string;
}

/** Why a zip cannot be converted; `detail` is the CRS name or the layer names. */
export class ShapefileError extends Error {
  constructor(
    readonly reason: 'noLayer' | 'manyLayers' | 'projection' | 'unreadable',
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/** Geographic WGS-84 or CGCS2000 (as is), or something else, from the text of a .prj (WKT). */
export function classifyPrj(text: string | null | undefined): {
  crs: ShapefileCrs;
  name: string | null;
} {
  if (!text || !text.trim()) return { crs: 'NONE', name: null };
  const wkt = text.trim().toUpperCase();
  const name = /^[A-Z_]+\["([^"]*)"/.exec(text.trim())?.[1] ?? null;
  if (!wkt.startsWith('GEOGCS') && !wkt.startsWith('GEOGCRS')) return { crs: 'OTHER', name };
  if (/CGCS[_ ]?2000|CHINA[_ ]GEODETIC[_ ]COORDINATE[_ ]SYSTEM[_ ]2000|CHINA[_ ]2000/.test(wkt)) {
    return { crs: 'CGCS2000', name };
  }
  if (/WGS[_ ]?(19)?84/.test(wkt)) return { crs: 'WGS84', name };
  return { crs: 'OTHER', name };
}

/** Reads one layer of a zipped Shapefile; throws {@link ShapefileError}. */
export async function readShapefile(zip: ArrayBuffer | Uint8Array): Promise<ShapefileResult> {
  const bytes = zip instanceof Uint8Array ? zip : new Uint8Array(zip);
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes)) {
      if (entry.filename.includes('__MACOSX')) continue;
      files.set(entry.filename.toLowerCase(), await entry.read());
    }
  } catch (e) {
    if (e instanceof ShapefileError) throw e;
    throw new ShapefileError('unreadable', String(e));
  }
  const layers = [...files.keys()].filter((n) => n.endsWith('.shp')).map((n) => n.slice(0, -4));
  if (layers.length === 0) throw new ShapefileError('noLayer');
  if (layers.length > 1) throw new ShapefileError('manyLayers', layers.join(', '));
  const layer = layers[0];
  const text = (ext: string) => {
    const data = files.get(`${layer}.${ext}`);
    return data ? new TextDecoder().decode(data) : null;
  };
  const { crs, name } = classifyPrj(text('prj'));
  if (crs === 'OTHER') throw new ShapefileError('projection', name ?? '?');
  const shp = files.get(`${layer}.shp`)!;
  const dbf = files.get(`${layer}.dbf`);
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  try {
    const collection = combine([
      parseShp(view(shp)),
      dbf ? parseDbf(view(dbf), text('cpg') ?? undefined) : undefined,
    ]);
    return { collection, crs, crsName: name, layer: layer.split('/').pop() ?? layer };
  } catch (e) {
    throw new ShapefileError('unreadable', String(e));
  }
}

/** The converted collection as a GeoJSON file for the import API. */
export function asGeoJsonFile(result: ShapefileResult, zipName: string): File {
  const name = zipName.replace(/\.zip$/i, '') + '.geojson';
  return new File([JSON.stringify(result.collection)], name, { type: 'application/geo+json' });
}
