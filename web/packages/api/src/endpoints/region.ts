// Regions and their grid boundaries.
import { http } from '../http';
import type {
  GridFeatureCollection,
  Region,
  RegionCreateRequest,
  RegionNode,
  RegionUpdateRequest,
} from '../types/region';

const V1 = '/api/v1';

export const regionApi = {
  tree: () => http.get<RegionNode[]>(`${V1}/regions/tree`).then((r) => r.data),
  get: (id: number) => http.get<Region>(`${V1}/regions/${id}`).then((r) => r.data),
  locate: (lon: number, lat: number) =>
    http.get<Region>(`${V1}/regions/locate`, { params: { lon, lat } }).then((r) => r.data),
  grids: (id: number) =>
    http.get<GridFeatureCollection>(`${V1}/regions/${id}/grids.geojson`).then((r) => r.data),
  create: (body: RegionCreateRequest) =>
    http.post<Region>(`${V1}/regions`, body).then((r) => r.data),
  update: (id: number, body: RegionUpdateRequest) =>
    http.put<Region>(`${V1}/regions/${id}`, body).then((r) => r.data),
};
