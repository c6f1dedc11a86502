import { http, queryParams } from './http';
import type { BoundaryGeometry, Page, PageQuery } from './types';

// 特色数据 — public opinion (网络舆情) and crowd flow (人流) of the server's `special` module
// (docs/api/special-social.md): items fed in by the opinion-monitoring system, matched to the
// regions they name, and the operator's counts per grid and quarter hour.

const V1 = '/api/v1';

export const SPECIAL_SOCIAL_PERMISSIONS = {
  OPINION_READ: 'special:opinion:read',
  OPINION_WRITE: 'special:opinion:write',
  CROWD_READ: 'special:crowd:read',
  CROWD_WRITE: 'special:crowd:write',
} as const;

/** NEGATIVE: sentiment ≤ −0.3; POSITIVE: ≥ 0.3. */
export const OPINION_TONES = ['NEGATIVE', 'NEUTRAL', 'POSITIVE'] as const;
export type OpinionTone = (typeof OPINION_TONES)[number];

export interface OpinionRegion {
  id: number;
  name: string;
  path: string;
  /** the name in the text that matched; null when the item named no known place */
  term: string | null;
}

export interface OpinionItem {
  id: number;
  source: string;
  url: string;
  title: string;
  text: string | null;
  publishedAt: string;
  sentiment: number;
  tone: OpinionTone;
  keywords: string[];
  regionId: number | null;
  regionName: string | null;
  regions: OpinionRegion[];
  receivedAt: string;
}

export interface OpinionQuery extends PageQuery {
  regionId?: number | null;
  q?: string | null;
  sentiment?: OpinionTone | null;
  /** ISO instants */
  from?: string | null;
  to?: string | null;
}

export interface CrowdGridCount {
  gridId: number;
  code: string;
  name: string;
  lon: number | null;
  lat: number | null;
  /** null: nothing counted in this bucket */
  people: number | null;
  /** median of the same weekday and quarter hour over the 4 weeks before */
  usual: number | null;
  boundary: BoundaryGeometry | null;
}

export interface CrowdSnapshot {
  bucketStart: string;
  regionId: number;
  regionName: string;
  total: number;
  max: number;
  grids: CrowdGridCount[];
}

export interface CrowdQuery {
  /** any instant; the answer is the quarter hour holding it (now when absent) */
  at?: string | null;
  regionId?: number | null;
  /** false: leave the grid boundaries out (the page already drew them) */
  outlines?: boolean;
}

export const specialSocialApi = {
  opinions: (query: OpinionQuery = {}) =>
    http
      .get<Page<OpinionItem>>(`${V1}/special/opinions`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  opinion: (id: number) =>
    http.get<OpinionItem>(`${V1}/special/opinions/${id}`).then((r) => r.data),
  crowd: (query: CrowdQuery = {}, signal?: AbortSignal) =>
    http
      .get<CrowdSnapshot>(`${V1}/special/crowd-flow`, {
        params: queryParams({
          at: query.at,
          regionId: query.regionId,
          outlines: query.outlines === false ? 'false' : undefined,
        }),
        signal,
      })
      .then((r) => r.data),
};
