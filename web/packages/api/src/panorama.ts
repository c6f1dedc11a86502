import { http, queryParams } from './http';
import { RECORD_KINDS } from './basedata';
import type { BoundaryGeometry } from './types';

// 全景网格 (the server's `panorama` module, docs/api/panorama.md): point layers of the caller's area
// for the map, and the profile of one grid.

const V1 = '/api/v1';

/** The map's layers: the kinds of record (people by house) and events. */
export const MAP_LAYER_TYPES = RECORD_KINDS;
export type MapLayerType = (typeof MAP_LAYER_TYPES)[number];

/** The permission each layer needs (the server answers 403 without it). */
export const MAP_LAYER_PERMISSIONS: Record<MapLayerType, string> = {
  people: 'basedata:person:read',
  houses: 'basedata:object:read',
  organizations: 'basedata:object:read',
  places: 'basedata:object:read',
  things: 'basedata:object:read',
  events: 'event:case:read-all',
};

/**
 * A feature's properties: `id, kind, name, status, gridId` always; the people layer adds `houseId,
 * address, count, keyCount` (people counted per house, nobody named); others add `kindType` and
 * their own (events: `code, flag, level, reportedAt`).
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
