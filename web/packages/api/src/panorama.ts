import { http, queryParams } from './http';
import type { BoundaryGeometry } from './types';

// 全景网格 (the server's `panorama` module, docs/api/panorama.md): point layers of the caller's area
// for the map, and the profile of one grid.

const V1 = '/api/v1';

/**
 * A layer type as the server spells it in the URL (`people`, `houses`, `disputes`,
 * `daily-notes`, ...). The server's registry decides which exist: see `panoramaApi.layers()`.
 */
export type MapLayerType = string;

/** One entry of `GET /map/layers`: a layer the caller may see, in the order to list it. */
export interface MapLayerInfo {
  type: MapLayerType;
  label: { zh: string; en: string };
  /** the marker's sign in the console's layer registry */
  icon: string;
  /** `#rrggbb` of its markers, clusters and legend dot */
  colour: string;
}

/**
 * A feature's properties: `id, kind, name, status, gridId` always; the people layer adds `houseId,
 * address, count, keyCount` (people counted per house, nobody named); others add `kindType` and
 * their own (events: `code, flag, level, reportedAt`; disputes: `occurredOn, scale, parties` (a count),
 * `gridName, placed`; daily notes: `notedOn, text` (shortened), `author, gridName, placed`). `placed`
 * says where a record without its own point stands: `POINT`, `HOUSE` (a party's) or `GRID` (centre).
 */
export interface MapFeatureProperties {
  id: number;
  kind: string;
  name: string | null;
  status: string | null;
  gridId: number | null;
  kindType?: string | null;
  houseId?: number;
  address?: string;
  count?: number;
  keyCount?: number;
  code?: string;
  [extra: string]: unknown;
}

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: MapFeatureProperties;
}

export interface MapLayer {
  type: 'FeatureCollection';
  features: MapFeature[];
  /** `truncated`: the layer was cut at its cap (zoom in) */
  properties?: { layer?: string; truncated?: boolean };
}

export interface MapLayerQuery {
  regionId?: number | null;
  /** `minLon,minLat,maxLon,maxLat` */
  bbox?: string | null;
}

export interface ProfileTally {
  code: string;
  name: string;
  count: number;
}

export interface GridProfile {
  grid: {
    id: number;
    code: string;
    name: string;
    path: string;
    boundary: BoundaryGeometry | null;
  };
  workers: { id: number; name: string }[];
  counts: {
    people: number;
    houses: number;
    rentedHouses: number;
    places: number;
    organizations: number;
    things: number;
    disputesOpen: number;
    events30d: number;
  };
  byHousehold: ProfileTally[];
  byTag: ProfileTally[];
  byThingType: ProfileTally[];
  /** empty for callers without `event:case:read-all` */
  recentEvents: {
    id: number;
    code: string;
    title: string;
    status: string;
    flag: string | null;
    reportedAt: string;
  }[];
  keyPeople: { id: number; name: string; idNumber: string; tags: string[] }[];
}

export const panoramaApi = {
  layers: () => http.get<MapLayerInfo[]>(`${V1}/map/layers`).then((r) => r.data),
  layer: (type: MapLayerType, query: MapLayerQuery = {}, signal?: AbortSignal) =>
    http
      .get<MapLayer>(`${V1}/map/layers/${type}.geojson`, {
        params: queryParams({ ...query }),
        signal,
        headers: { Accept: 'application/geo+json, application/json, application/problem+json' },
      })
      .then((r) => r.data),
  gridProfile: (gridId: number) =>
    http.get<GridProfile>(`${V1}/grids/${gridId}/profile`).then((r) => r.data),
};
