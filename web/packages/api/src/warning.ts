import { asPage, http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 研判预警 (the warning module): alerts raised by warning rules, their handling, and the rules
// with a back-test. Permissions `warning:alert:read|handle`, `warning:rule:write`.

const V1 = '/api/v1';

export const WARNING_PERMISSIONS = {
  ALERT_READ: 'warning:alert:read',
  ALERT_HANDLE: 'warning:alert:handle',
  RULE_WRITE: 'warning:rule:write',
  HOTSPOT_READ: 'warning:hotspot:read',
} as const;

export const ALERT_LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** CLEARED (已消除): the sweep closed it once its condition no longer held. */
export const ALERT_STATUSES = ['NEW', 'ACKNOWLEDGED', 'CONVERTED', 'DISMISSED', 'CLEARED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertQuery extends PageQuery {
  /** any of these */
  status?: AlertStatus[] | AlertStatus | '' | null;
  level?: AlertLevel | '' | null;
  regionId?: number | null;
}

export const WARNING_RULE_KINDS = [
  'COUNT',
  'REPEAT_ADDRESS',
  'SPIKE',
  'OVERDUE_CLUSTER',
  'UTILITY_SILENCE',
  'UTILITY_SURGE',
  'CROWD_DENSITY',
  'OPINION_BURST',
  'DEVICE_OFFLINE',
  'HOTSPOT',
] as const;
export type WarningRuleKind = (typeof WARNING_RULE_KINDS)[number];

/**
 * A rule kind as the editor offers it (`GET /api/v1/warning-rules/kinds`): a `signal` kind is
 * judged over special data or devices (no event filters); `available` is false when the module
 * owning its data is absent; `thresholdMeaning` says what its threshold counts.
 */
export interface WarningRuleKindInfo {
  kind: WarningRuleKind;
  label: string;
  signal: boolean;
  windowed: boolean;
  factored: boolean;
  available: boolean;
  thresholdMeaning: string | null;
  /** takes a radius in metres (`radiusMeters`, HOTSPOT) */
  spatial?: boolean;
}
export const WARNING_WATCH_LEVELS = ['GRID', 'COMMUNITY', 'TOWN'] as const;
export const WARNING_GROUP_BY = ['CATEGORY', 'TOP_CATEGORY', 'NONE'] as const;

/** One event behind an alert. */
export interface AlertEvidence {
  eventId: number;
  code: string;
  reportedAt: string;
}

/** An alert (docs/api/warning.md); `evidence` is filled in the detail only. */
export interface AlertItem {
  id: number;
  ruleId: number;
  ruleName: string;
  kind: WarningRuleKind | string;
  level: AlertLevel;
  regionId: number;
  regionName: string;
  /** what tells events apart in the region: a category code, a normalised address, or `*` */
  key: string;
  keyLabel: string | null;
  status: AlertStatus;
  firstSeenAt: string;
  lastSeenAt: string;
  eventCount: number;
  evidence: AlertEvidence[];
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  dismissReason: string | null;
  convertedEventId: number | null;
  convertedEventCode: string | null;
  /** only for holders of `warning:alert:handle` */
  allowedActions?: ('acknowledge' | 'dismiss' | 'convert')[] | null;
  /** the sweep cleared it (status CLEARED, at `closedAt`); no `closedByName` then */
  closedBySystem?: boolean;
  /** `kind` under the name other systems read */
  ruleKind?: WarningRuleKind | string;
  /** a signal alert (special data, devices): what was measured, in words */
  detail?: string | null;
  value?: number | null;
  limit?: number | null;
  lon?: number | null;
  lat?: number | null;
}

export type AlertDetail = AlertItem;

/** A warning rule as sent on create / update (and back-test, with `days`). */
export interface WarningRuleCommand {
  name: string;
  kind: WarningRuleKind;
  /** a city, district or town in the caller's scope */
  regionId: number | null;
  alertLevel: AlertLevel;
  watchLevel: (typeof WARNING_WATCH_LEVELS)[number];
  /** 1–100000 */
  threshold: number;
  /** 1–8760, for COUNT and REPEAT_ADDRESS */
  windowHours: number | null;
  categoryCode: string | null;
  eventLevel: string | null;
  eventSource: string | null;
  groupBy: (typeof WARNING_GROUP_BY)[number];
  /** 0–100, for SPIKE */
  spikeK: number | null;
  enabled: boolean;
  /** 10–5000, for HOTSPOT (default 150) */
  radiusMeters?: number | null;
}

export interface WarningRule extends WarningRuleCommand {
  id: number;
  regionName: string;
  categoryName: string | null;
  /** false for the rules of areas above the caller's */
  editable: boolean;
}

export interface BacktestFiring {
  at: string;
  regionId: number;
  regionName: string;
  key: string;
  keyLabel: string | null;
  count: number;
  eventIds: number[];
  eventCodes: string[];
  /** a signal rule's firing: what was measured, in words */
  detail?: string | null;
  value?: number | null;
  limit?: number | null;
}

export interface BacktestResult {
  from: string;
  to: string;
  total: number;
  firings: BacktestFiring[];
}

/** 热点研判: where events gathered (`GET /api/v1/warning/hotspots`, docs/api/hotspots.md). */
export interface HotspotQuery {
  /** an area inside the caller's (default: all of it) */
  regionId?: number | null;
  /** 1–90, default 7 */
  days?: number | null;
  /** a 大类 or 小类 */
  categoryCode?: string | null;
}

export interface Hotspot {
  lon: number;
  lat: number;
  /** the farthest event from the centre */
  radiusMeters: number;
  count: number;
  topCategories: { code: string; name: string; count: number }[];
  /** against the window before, of the same length, within the radius */
  trend: { previous: number; change: number };
  firstReportedAt: string;
  lastReportedAt: string;
}

export const warningApi = {
  hotspots: (query: HotspotQuery = {}) =>
    http
      .get<Hotspot[]>(`${V1}/warning/hotspots`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  alerts: (query: AlertQuery = {}): Promise<Page<AlertItem>> =>
    http
      .get(`${V1}/alerts`, { params: queryParams({ ...query }) })
      .then((r) => asPage<AlertItem>(r.data)),
  alert: (id: number) => http.get<AlertDetail>(`${V1}/alerts/${id}`).then((r) => r.data),
  acknowledge: (id: number) =>
    http.post<AlertDetail>(`${V1}/alerts/${id}/acknowledge`, {}).then((r) => r.data),
  /** `reason` required (≤ 500). */
  dismiss: (id: number, reason: string) =>
    http.post<AlertDetail>(`${V1}/alerts/${id}/dismiss`, { reason }).then((r) => r.data),
  /** Makes an event of the alert; the answer carries `convertedEventId`. */
  convert: (id: number) =>
    http.post<AlertDetail>(`${V1}/alerts/${id}/convert`, {}).then((r) => r.data),
  kinds: () => http.get<WarningRuleKindInfo[]>(`${V1}/warning-rules/kinds`).then((r) => r.data),
  rules: (includeDisabled = true) =>
    http
      .get(`${V1}/warning-rules`, { params: { includeDisabled } })
      .then((r) => asPage<WarningRule>(r.data).items),
  createRule: (rule: WarningRuleCommand) =>
    http.post<WarningRule>(`${V1}/warning-rules`, rule).then((r) => r.data),
  updateRule: (id: number, rule: WarningRuleCommand) =>
    http.put<WarningRule>(`${V1}/warning-rules/${id}`, rule).then((r) => r.data),
  /** Disables the rule (its alerts stay). */
  disableRule: (id: number) => http.delete<void>(`${V1}/warning-rules/${id}`).then(() => undefined),
  /** When the rule would have fired over the past `days` (1–90); nothing is stored. */
  backtest: (rule: WarningRuleCommand, days = 30) =>
    http
      .post<BacktestResult>(`${V1}/warning-rules/backtest`, { ...rule, days })
      .then((r) => r.data),
};
