// Shapes every part of the API shares: pages of results and the public configuration.

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface PageQuery {
  page?: number;
  size?: number;
}

export interface PublicConfig {
  /** One Web Mercator tile URL (older clients); the maps draw `mapBasemap`. */
  mapTileUrl: string | null;
  mapAttribution: string | null;
  appName: string;
  /** The configured basemap's layers (absent from servers before it). */
  mapBasemap?: BasemapConfig | null;
}

/** A tile source: a base, or the transparent annotation (注记) over it. */
export interface BasemapTiles {
  url: string;
  subdomains: string;
  zoomOffset: number;
  maxNativeZoom: number;
  annotation: boolean;
}

/** `vector` (矢量) or `imagery` (影像). */
export type BasemapLayerKey = 'vector' | 'imagery';

export interface BasemapLayer {
  key: BasemapLayerKey;
  tiles: BasemapTiles[];
}

/** The basemap: 天地图, a self-hosted XYZ server, or none (grids on a blank canvas). */
export interface BasemapConfig {
  provider: 'none' | 'xyz' | 'tianditu';
  /** EPSG:3857 (Web Mercator) or EPSG:4490 (天地图 CGCS2000 `_c` lon/lat matrix). */
  crs: 'EPSG:3857' | 'EPSG:4490';
  attribution: string | null;
  layers: BasemapLayer[];
}
