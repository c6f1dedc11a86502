// Patrols (全科巡查, docs/api/patrol.md).
import { asPage, cleanParams, http } from '../http';
import type { PatrolPlanRow } from '../patrolPlans';
import type { Page } from '../types/common';
import type {
  PatrolDetail,
  PatrolDomain,
  PatrolItemRequest,
  PatrolPosition,
  PatrolQuery,
  PatrolStartRequest,
  PatrolSummary,
  PatrolTrackBatch,
  PatrolTrackReceipt,
} from '../types/patrol';

const V1 = '/api/v1';

export const patrolApi = {
  domains: () => http.get<PatrolDomain[]>(`${V1}/patrol-domains`).then((r) => r.data),
  list: (query: PatrolQuery = {}) =>
    http
      .get<Page<PatrolSummary>>(`${V1}/patrols`, { params: cleanParams(query) })
      .then((r) => asPage(r.data)),
  get: (id: number) => http.get<PatrolDetail>(`${V1}/patrols/${id}`).then((r) => r.data),
  /** 201 with the patrol; the point must lie in one of the worker's grids. */
  start: (body: PatrolStartRequest) =>
    http.post<PatrolDetail>(`${V1}/patrols`, body).then((r) => r.data),
  track: (id: number, batch: PatrolTrackBatch) =>
    http.post<PatrolTrackReceipt>(`${V1}/patrols/${id}/track`, batch).then((r) => r.data),
  item: (id: number, body: PatrolItemRequest) =>
    http.post<PatrolDetail>(`${V1}/patrols/${id}/items`, body).then((r) => r.data),
  /** 409 when already finished. */
  finish: (id: number, end: PatrolPosition) =>
    http.post<PatrolDetail>(`${V1}/patrols/${id}/finish`, end).then((r) => r.data),
  /** The signed-in worker's patrol plans with the current period's progress (今日巡查). */
  myPlans: () => http.get<PatrolPlanRow[]>(`${V1}/patrol-plans/mine`).then((r) => r.data),
};
