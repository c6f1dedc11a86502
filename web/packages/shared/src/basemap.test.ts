import type { BasemapConfig } from '@govgrid/api';
import type * as Leaflet from 'leaflet';
import type * as BasemapModule from './basemap';
import { beforeAll, describe, expect, it } from 'vitest';

// Leaflet reads the browser when it loads; the CRS and tile arithmetic under test need none of it
const g = globalThis as Record<string, unknown>;
g.window ??= globalThis;
g.devicePixelRatio ??= 1;
g.addEventListener ??= () => undefined;
g.removeEventListener ??= () => undefined;
g.document ??= {
  documentElement: { style: {} },
  createElement: () => ({ style: {} }),
  addEventListener: () => undefined,
};
g.navigator ??= { userAgent: 'node', platform: 'node' };

let L: typeof Leaflet;
let basemap: typeof BasemapModule;
beforeAll(async () => {
  L = (await import('leaflet')).default;
  basemap = await import('./basemap');
});

const tianditu = (matrix: 'w' | 'c'): BasemapConfig => ({
  provider: 'tianditu',
  crs: matrix === 'c' ? 'EPSG:4490' : 'EPSG:3857',
  attribution: '© 天地图',
  layers: (['vec', 'img'] as const).map((base) => ({
    key: base === 'vec' ? 'vector' : 'imagery',
    tiles: [base, base === 'vec' ? 'cva' : 'cia'].map((layer, i) => ({
      url: `https://t{s}.tianditu.gov.cn/${layer}_${matrix}/wmts?LAYER=${layer}&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k`,
      subdomains: '01234567',
      zoomOffset: matrix === 'c' ? 1 : 0,
      maxNativeZoom: matrix === 'c' ? 17 : 18,
      annotation: i === 1,
    })),
  })),
});

/** The tile (matrix, col, row) under a point for a map at `zoom`, as Leaflet computes it. */
function tileAt(crs: Leaflet.CRS, zoomOffset: number, zoom: number, lat: number, lon: number) {
  const pixel = crs.latLngToPoint(L.latLng(lat, lon), zoom);
  return { z: zoom + zoomOffset, x: Math.floor(pixel.x / 256), y: Math.floor(pixel.y / 256) };
}

describe('basemap', () => {
  it('keeps the single tile URL of a server without mapBasemap, and none without it', () => {
    expect(
      basemap.basemapOf({ mapTileUrl: null, mapAttribution: null, appName: '' }).layers,
    ).toEqual([]);
    const xyz = basemap.basemapOf({
      mapTileUrl: 'http://t/{z}/{x}/{y}.png',
      mapAttribution: 'x',
      appName: '',
    });
    expect(xyz.layers.map((l) => l.key)).toEqual(['vector']);
    expect(xyz.layers[0]!.tiles[0]!.url).toBe('http://t/{z}/{x}/{y}.png');
  });

  it('draws a layer as its base under its annotation', () => {
    const layers = basemap.basemapTileLayers(tianditu('w'), 'imagery');
    const names = layers.map(
      (l) => (l as unknown as { _url: string })._url.match(/LAYER=(\w+)/)![1],
    );
    expect(names).toEqual(['img', 'cia']);
    expect(layers[0]!.options.subdomains).toEqual('01234567'.split(''));
  });

  it('puts the CGCS2000 (_c) matrix on the tiles 天地图 serves', () => {
    // 天地图 _c: 1.40625°/2^n per pixel at matrix n, origin (-180°, 90°)
    const expected = (n: number, lat: number, lon: number) => {
      const degreesPerTile = (1.40625 / 2 ** n) * 256;
      return {
        z: n,
        x: Math.floor((lon + 180) / degreesPerTile),
        y: Math.floor((90 - lat) / degreesPerTile),
      };
    };
    const crs = basemap.basemapCrs(tianditu('c'));
    for (const zoom of [0, 5, 12, 17]) {
      expect(tileAt(crs, 1, zoom, 31.3, 120.6)).toEqual(expected(zoom + 1, 31.3, 120.6));
      expect(tileAt(crs, 1, zoom, -33.9, -70.6)).toEqual(expected(zoom + 1, -33.9, -70.6));
    }
    // matrix 1 is the whole world in two tiles
    expect(crs.getProjectedBounds(0).getSize().x).toBe(512);
  });

  it('keeps Web Mercator for the _w matrix', () => {
    const crs = basemap.basemapCrs(tianditu('w'));
    expect(crs).toBe(L.CRS.EPSG3857);
    expect(tileAt(crs, 0, 12, 31.3, 120.6)).toMatchObject({ z: 12, x: 3420 });
  });
});
