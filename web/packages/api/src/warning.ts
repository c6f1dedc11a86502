import { asPage, cleanParams, http } from './http';
import type { Page, PageQuery } from './types';

// 研判预警 (the warning module): alerts raised by warning rules, their handling, and the rules
// with a back-test. Permissions `warning:alert:read|handle`, `warning:rule:write`.

const V1 = '/api/v1';

export const WARNING_PERMISSIONS = {
  ALERT_READ: 'warning:alert:read',
  ALERT_HANDLE: 'warning:alert:handle',
  RULE_WRITE: 'warning:rule:write',
} as const;

export const ALERT_LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const ALERT_STATUSES = ['NEW', 'ACKNOWLEDGED', 'CONVERTED', 'DISMISSED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertQuery extends PageQuery {
  status?: AlertStatus | '' | null;
  level?: AlertLevel | '' | null;
  regionId?: number | null;
}

export interface AlertEvidenceEvent {
  id: number;
  code: string;
  title?: string | null;
  status?: string | null;
  categoryCode?: string | null;
  categoryName?: string | null;
  reportedAt?: string | null;
}

export interface AlertItem {
  id: number;
  ruleId?: number | null;
  ruleName?: string | null;
  level: AlertLevel;
  regionId?: number | null;
  regionName?: string | null;
  /** what the rule grouped by (a category, a place …) */
  key?: string | null;
  title?: string | null;
  status: AlertStatus;
  eventCount?: number | null;
  raisedAt?: string | null;
  convertedEventId?: number | null;
}

export interface AlertDetail extends AlertItem {
  rule?: WarningRule | null;
  evidence?: { events?: AlertEvidenceEvent[] } | AlertEvidenceEvent[] | null;
  comment?: string | null;
  handledByName?: string | null;
  handledAt?: string | null;
}

/** A warning rule: so many matching events within a window in one area raise an alert. */
export interface WarningRule {
  id?: number;
  name: string;
  /** e.g. `CATEGORY_SURGE`; the server names what it accepts */
  kind?: string | null;
  level: AlertLevel;
  enabled?: boolean;
  categoryCode?: string | null;
  /** events within the window */
  threshold?: number | null;
  windowHours?: number | null;
  /** grid / community / town */
  scope?: string | null;
  [extra: string]: unknown;
}

export interface BacktestFiring {
  at: string;
  regionId: number | null;
  regionName: string | null;
  key: string | null;
  eventIds: number[];
}

/** The events of an alert's evidence, whichever of the two shapes the server sends. */
export function evidenceEvents(alert: Pick<AlertDetail, 'evidence'>): AlertEvidenceEvent[] {
  const evidence = alert.evidence;
  if (!evidence) return [];
  if (Array.isArray(evidence)) return evidence;
  return evidence.events ?? [];
}

export const warningApi = {
  alerts: (query: AlertQuery = {}): Promise<Page<AlertItem>> =>
    http
      .get(`${V1}/alerts`, { params: cleanParams({ ...query }) })
      .then((r) => asPage<AlertItem>(r.data)),
  alert: (id: number) => http.get<AlertDetail>(`${V1}/alerts/${id}`).then((r) => r.data),
  acknowledge: (id: number, comment?: string) =>
    http
      .post<AlertDetail>(`${V1}/alerts/${id}/acknowledge`, { comment: comment || null })
      .then((r) => r.data),
  dismiss: (id: number, comment: string) =>
    http.post<AlertDetail>(`${V1}/alerts/${id}/dismiss`, { comment }).then((r) => r.data),
  /** Makes an event of the alert; the answer carries `convertedEventId`. */
  convert: (id: number) =>
    http.post<AlertDetail>(`${V1}/alerts/${id}/convert`, {}).then((r) => r.data),
  rules: () => http.get(`${V1}/warning-rules`).then((r) => asPage<WarningRule>(r.data).items),
  createRule: (rule: WarningRule) =>
    http.post<WarningRule>(`${V1}/warning-rules`, rule).then((r) => r.data),
  updateRule: (id: number, rule: WarningRule) =>
    http.put<WarningRule>(`${V1}/warning-rules/${id}`, rule).then((r) => r.data),
  backtest: (rule: WarningRule, days = 30) =>
    http
      .post<BacktestFiring[] | { firings: BacktestFiring[] }>(`${V1}/warning-rules/backtest`, {
        ...rule,
        days,
      })
      .then((r) => (Array.isArray(r.data) ? r.data : (r.data.firings ?? []))),
};
