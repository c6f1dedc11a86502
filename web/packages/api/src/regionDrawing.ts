import { http } from './http';
import type { BoundaryGeometry, Region } from './types';

// 绘制网格 (the server's `region` module, issue 20 item 2): a boundary drawn on the map is checked
// by the same rules as saving it; a grid is split along a drawn line or merged with a neighbour.

const V1 = '/api/v1/regions';

export const REGION_DRAWING_PERMISSIONS = {
  /** drawing is editing boundaries: the region administrator's permission */
  EDIT: 'region:area:write',
} as const;

/** One problem of a drawn boundary; `neighbourCode` names the sibling (or parent) it clashes with. */
export interface BoundaryProblem {
  field: string;
  message: string;
  neighbourCode: string | null;
}

export interface BoundaryReport {
  valid: boolean;
  problems: BoundaryProblem[];
}

export interface LineGeometry {
  type: 'LineString';
  coordinates: number[][];
}

export const regionDrawingApi = {
  /** `parentId` for a new grid, `regionId` for a grid being edited (its old outline is ignored). */
  validate: (body: { parentId?: number; regionId?: number; geometry: BoundaryGeometry }) =>
    http.post<BoundaryReport>(`${V1}/boundaries/validate`, body).then((r) => r.data),
  /** The grid keeps the larger piece; a new grid `code`/`name` gets the other. */
  split: (id: number, body: { line: LineGeometry; code: string; name: string }) =>
    http.post<{ kept: Region; created: Region }>(`${V1}/${id}/split`, body).then((r) => r.data),
  /** The first grid keeps its code and takes the union; the second is removed. */
  merge: (body: { ids: [number, number]; name?: string }) =>
    http.post<Region>(`${V1}/merge`, body).then((r) => r.data),
};
