// The basemap every map draws (console and phone app): the layers of the public configuration, a
// 矢量/影像 switch when there are two, and the CRS the tile matrix needs. Loaded once before the
// app mounts (`loadBasemap`), so maps are created with the right CRS; the last one seen is kept
// for the phone app offline. Leaflet comes from the app that imports this (both depend on it).
import type { BasemapConfig, BasemapLayerKey, PublicConfig } from '@govgrid/api';
import L from 'leaflet';

const STORAGE_KEY = 'govgrid.basemap';
const CHOICE_KEY = 'govgrid.basemap.layer';

const NONE: BasemapConfig = { provider: 'none', crs: 'EPSG:3857', attribution: null, layers: [] };

let current: BasemapConfig = NONE;

/** The configuration's basemap, or its single tile URL from a server before `mapBasemap`. */
export function basemapOf(config: PublicConfig | null | undefined): BasemapConfig {
  if (config?.mapBasemap) return config.mapBasemap;
  if (config?.mapTileUrl) {
    return {
      provider: 'xyz',
      crs: 'EPSG:3857',
      attribution: config.mapAttribution,
      layers: [
        {
          key: 'vector',
          tiles: [
            {
              url: config.mapTileUrl,
              subdomains: 'abc',
              zoomOffset: 0,
              maxNativeZoom: 19,
              annotation: false,
            },
          ],
        },
      ],
    };
  }
  return NONE;
}

/**
 * Reads the public configuration once (before the app mounts); offline, the last basemap seen.
 * Never fails: without either, maps keep today's blank canvas.
 */
export async function loadBasemap(
  fetchConfig: () => Promise<PublicConfig>,
): Promise<BasemapConfig> {
  try {
    current = basemapOf(await fetchConfig());
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
    } catch {
      // private mode: nothing kept for offline
    }
  } catch {
    try {
      const kept = localStorage.getItem(STORAGE_KEY);
      current = kept ? (JSON.parse(kept) as BasemapConfig) : NONE;
    } catch {
      current = NONE;
    }
  }
  return current;
}

/** For tests and for apps that already hold the configuration. */
export function setBasemap(basemap: BasemapConfig): void {
  current = basemap;
}

export function currentBasemap(): BasemapConfig {
  return current;
}

/**
 * The CRS for the basemap's tile matrix. 天地图 `_c` (EPSG:4490, CGCS2000 lon/lat) has 1.40625°/2^n
 * per pixel at matrix n with its origin at (-180°, 90°): exactly Leaflet's EPSG:4326 at zoom n−1
 * (two 256 px tiles span the world at zoom 0), hence the tiles' zoomOffset 1. CGCS2000 and WGS-84
 * coordinates differ by centimetres, far below a pixel.
 */
export function basemapCrs(basemap: BasemapConfig = current): L.CRS {
  return basemap.crs === 'EPSG:4490' ? L.CRS.EPSG4326 : L.CRS.EPSG3857;
}

/** Leaflet tile layers for one of the basemap's layers, base first, annotation on top. */
export function basemapTileLayers(
  basemap: BasemapConfig,
  key: BasemapLayerKey,
  attribution?: string | null,
): L.TileLayer[] {
  const layer = basemap.layers.find((l) => l.key === key) ?? basemap.layers[0];
  if (!layer) return [];
  return layer.tiles.map((t, i) =>
    L.tileLayer(t.url, {
      subdomains: t.subdomains || 'abc',
      zoomOffset: t.zoomOffset,
      maxNativeZoom: t.maxNativeZoom,
      maxZoom: 19,
      // the phone app's service worker may only keep tiles it can read (CORS), not opaque ones
      crossOrigin: true,
      className: `basemap-${layer.key}${t.annotation ? ' basemap-annotation' : ''}`,
      attribution: i === 0 ? (attribution ?? basemap.attribution ?? '') : '',
    }),
  );
}

function rememberedLayer(): BasemapLayerKey | null {
  try {
    return localStorage.getItem(CHOICE_KEY) as BasemapLayerKey | null;
  } catch {
    return null;
  }
}

export interface BasemapControl {
  /** The layer shown: `vector`, `imagery`, or null without a basemap. */
  readonly layer: BasemapLayerKey | null;
  show(key: BasemapLayerKey): void;
  remove(): void;
}

export interface BasemapOptions {
  /** The switch's labels by layer key (i18n of the app). */
  labels: Record<BasemapLayerKey, string>;
  /** Overrides the configured attribution (a map that was given one). */
  attribution?: string | null;
  /** Where the switch sits; default top right. */
  position?: L.ControlPosition;
  basemap?: BasemapConfig;
}

/**
 * Puts the basemap on `map` with a 矢量/影像 switch when there are two layers. The choice is
 * remembered for the next map.
 */
export function attachBasemap(map: L.Map, options: BasemapOptions): BasemapControl {
  const basemap = options.basemap ?? current;
  let shown: L.TileLayer[] = [];
  let layer: BasemapLayerKey | null = null;
  let control: L.Control | null = null;
  const keys = basemap.layers.map((l) => l.key);

  function show(key: BasemapLayerKey) {
    const next = keys.includes(key) ? key : keys[0];
    if (!next || next === layer) return;
    shown.forEach((t) => t.remove());
    shown = basemapTileLayers(basemap, next, options.attribution);
    // tiles live in Leaflet's tile pane, under the grids and markers; the annotation over its base
    shown.forEach((t) => t.addTo(map));
    layer = next;
    try {
      localStorage.setItem(CHOICE_KEY, next);
    } catch {
      // not kept
    }
    control
      ?.getContainer()
      ?.querySelectorAll('button')
      .forEach((b) => {
        b.classList.toggle('active', b.dataset.layer === next);
        b.setAttribute('aria-pressed', String(b.dataset.layer === next));
      });
  }

  if (keys.length > 1) {
    const Switch = L.Control.extend({
      onAdd() {
        const box = L.DomUtil.create('div', 'leaflet-bar basemap-switch');
        box.setAttribute('data-testid', 'basemap-switch');
        for (const key of keys) {
          const button = L.DomUtil.create('button', '', box) as HTMLButtonElement;
          button.type = 'button';
          button.dataset.layer = key;
          button.textContent = options.labels[key];
          L.DomEvent.on(button, 'click', (e) => {
            L.DomEvent.stop(e);
            show(key);
          });
        }
        L.DomEvent.disableClickPropagation(box);
        return box;
      },
    });
    control = new Switch({ position: options.position ?? 'topright' }).addTo(map);
  }

  const remembered = rememberedLayer();
  if (keys.length) show(remembered && keys.includes(remembered) ? remembered : keys[0]!);

  return {
    get layer() {
      return layer;
    },
    show,
    remove() {
      shown.forEach((t) => t.remove());
      shown = [];
      control?.remove();
      control = null;
      layer = null;
    },
  };
}
