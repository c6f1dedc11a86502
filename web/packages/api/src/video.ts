import { http, queryParams } from './http';
import type { MapLayer, MapLayerQuery } from './panorama';
import type { Page, PageQuery } from './types';

// 视频监控 (the server's `video` module, docs/api/video.md): the camera registry with live streams
// from the city's video platform (HLS or HTTP-FLV), and the cameras as a map layer.

const V1 = '/api/v1';

export const VIDEO_PERMISSIONS = {
  CAMERA_READ: 'video:camera:read',
  CAMERA_MANAGE: 'video:camera:manage',
} as const;

export const CAMERA_STATUSES = ['ONLINE', 'OFFLINE', 'FAULT', 'DISABLED'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

/** HLS (`.m3u8`, played with hls.js) or HTTP-FLV (`.flv`, played with mpegts.js). */
export type StreamKind = 'HLS' | 'FLV';

export interface Camera {
  id: number;
  /** GB/T 28181: 20 digits */
  deviceId: string;
  /** digits 11–13: 131 camera, 132 IP camera */
  typeCode: string;
  name: string;
  lon: number;
  lat: number;
  gridId: number;
  gridName: string;
  address: string | null;
  streamUrl: string;
  streamKind: StreamKind;
  status: CameraStatus;
  ownerUnit: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A registration or an edit; a PUT replaces every field (`version` guards against lost edits). */
export interface CameraCommand {
  deviceId: string;
  name: string;
  lon: number | null;
  lat: number | null;
  gridId?: number | null;
  address?: string | null;
  streamUrl: string;
  status?: CameraStatus;
  ownerUnit?: string | null;
  version?: number;
}

export interface CameraQuery extends PageQuery {
  regionId?: number | null;
  gridId?: number | null;
  keyword?: string | null;
  status?: CameraStatus | null;
}

export const videoApi = {
  cameras: (query: CameraQuery = {}) =>
    http
      .get<Page<Camera>>(`${V1}/video/cameras`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  camera: (id: number) => http.get<Camera>(`${V1}/video/cameras/${id}`).then((r) => r.data),
  create: (body: CameraCommand) =>
    http.post<Camera>(`${V1}/video/cameras`, body).then((r) => r.data),
  update: (id: number, body: CameraCommand) =>
    http.put<Camera>(`${V1}/video/cameras/${id}`, body).then((r) => r.data),
  /**
   * The cameras as GeoJSON points (properties `id, kind, name, deviceId, status, streamKind, gridId`):
   * the panoramic map's `cameras` layer.
   */
  layer: (query: MapLayerQuery = {}, signal?: AbortSignal) =>
    http
      .get<MapLayer>(`${V1}/map/layers/cameras.geojson`, {
        params: queryParams({ ...query }),
        signal,
        headers: { Accept: 'application/geo+json, application/json, application/problem+json' },
      })
      .then((r) => r.data),
};

/** The stream kind of a URL by its path, as the server decides it (null: neither). */
export function streamKindOf(url: string): StreamKind | null {
  try {
    const path = new URL(url).pathname.toLowerCase();
    if (path.endsWith('.m3u8')) return 'HLS';
    if (path.endsWith('.flv')) return 'FLV';
  } catch {
    // not a URL
  }
  return null;
}
