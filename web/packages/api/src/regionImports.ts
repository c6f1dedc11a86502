import { http } from './http';

// 导入边界 (the server's `region` module, issue 20): a GeoJSON FeatureCollection of regions and grids
// uploaded as a job; a dry run only reports, a commit writes all features or none.

const V1 = '/api/v1';

export const BOUNDARY_CRS = ['WGS84', 'CGCS2000', 'GCJ02'] as const;
export type BoundaryCrs = (typeof BOUNDARY_CRS)[number];

export const BOUNDARY_IMPORT_PERMISSIONS = {
  /** the region administrator's permission: importing is editing boundaries in bulk */
  RUN: 'region:area:write',
} as const;

export interface BoundaryImportOptions {
  dryRun: boolean;
  /** property names holding the code, the name and the parent's code */
  codeField: string;
  nameField: string;
  parentCodeField: string;
  crs: BoundaryCrs;
  /** the region everything must land under (default: the caller's scope) */
  regionId?: number;
}

/** One problem of one feature; `index` is the feature's 0-based position in the file. */
export interface BoundaryImportError {
  index: number;
  code: string | null;
  message: string;
}

export interface BoundaryImportJob {
  id: number;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  dryRun: boolean;
  fileName: string | null;
  crs: BoundaryCrs;
  total: number;
  /** features checked so far; `processed / total` is the progress */
  processed: number;
  valid: number;
  /** all errors; `errors` keeps the first 2,000 */
  errorCount: number;
  errors: BoundaryImportError[];
  /** regions written (0 for a dry run or when any feature is bad) */
  committed: number;
  /** why a job failed as a whole */
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const boundaryImportApi = {
  /** 202: the job runs; poll {@link boundaryImportApi.get}. */
  start: (file: File, options: BoundaryImportOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http
      .post<{ id: number }>(`${V1}/regions/imports`, form, {
        params: { ...options, dryRun: String(options.dryRun) },
        timeout: 300_000,
      })
      .then((r) => r.data);
  },
  get: (id: number) =>
    http.get<BoundaryImportJob>(`${V1}/regions/imports/${id}`).then((r) => r.data),
};
