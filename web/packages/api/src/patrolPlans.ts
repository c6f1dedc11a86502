import { cleanParams, http } from './http';

/** 巡查计划 as planners see them (`/api/v1/patrol-plans`, docs/api/patrol.md). */
export const PATROL_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type PatrolPlanFrequency = (typeof PATROL_FREQUENCIES)[number];

export interface PatrolPlanRow {
  id: number;
  gridId: number;
  gridName: string;
  domainCode: string;
  domainName: string;
  frequency: PatrolPlanFrequency;
  timesPerPeriod: number;
  assigneeId: number;
  assigneeName: string;
  enabled: boolean;
  doneInPeriod: number;
  /** `YYYY-MM-DD`, the period that holds today */
  periodStart: string;
  periodEnd: string;
}

export interface PatrolPlanRequest {
  gridId: number | null;
  domainCode: string | null;
  frequency: PatrolPlanFrequency;
  timesPerPeriod: number;
  assigneeId: number | null;
  enabled?: boolean;
}

export interface PatrolPlanQuery {
  gridId?: number | null;
  assigneeId?: number | null;
  domainCode?: string | null;
  includeDisabled?: boolean;
}

export interface PatrolPlanAssignee {
  id: number;
  name: string;
}

/** May plan patrols (grid chiefs, the centre). */
export const PATROL_PLAN_WRITE = 'patrol:plan:write';

const PLANS = '/api/v1/patrol-plans';

export const patrolPlanApi = {
  list: (query: PatrolPlanQuery = {}) =>
    http.get<PatrolPlanRow[]>(PLANS, { params: cleanParams(query) }).then((r) => r.data),
  create: (body: PatrolPlanRequest) => http.post<PatrolPlanRow>(PLANS, body).then((r) => r.data),
  update: (id: number, body: PatrolPlanRequest) =>
    http.put<PatrolPlanRow>(`${PLANS}/${id}`, body).then((r) => r.data),
  /** disables the plan (kept for the record) */
  disable: (id: number) => http.delete<void>(`${PLANS}/${id}`).then(() => undefined),
  /** the grid workers a plan for this grid may name */
  assignees: (gridId: number) =>
    http
      .get<PatrolPlanAssignee[]>(`${PLANS}/assignees`, { params: { gridId } })
      .then((r) => r.data),
};

/** Whether the plan's current period still needs patrols. */
export function planBehind(plan: Pick<PatrolPlanRow, 'doneInPeriod' | 'timesPerPeriod'>): boolean {
  return plan.doneInPeriod < plan.timesPerPeriod;
}
