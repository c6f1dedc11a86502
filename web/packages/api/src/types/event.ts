// Events, their categories and the routing rules (docs/api/events.md).
import type { PageQuery } from './common';
import type { StoredFile } from './files';

export type EventStatus =
  'REPORTED' | 'DISPATCHED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED' | 'REJECTED';

export const EVENT_STATUSES: readonly EventStatus[] = [
  'REPORTED',
  'DISPATCHED',
  'IN_PROGRESS',
  'RESOLVED',
  'CLOSED',
  'REJECTED',
];

/** `WARNING`: raised from an early-warning alert by the centre (never chosen in a report form). */
export type EventSource =
  | 'GRID_WORKER'
  | 'HOTLINE_12345'
  | 'CITIZEN'
  | 'VIDEO_AI'
  | 'IOT'
  | 'DEPARTMENT'
  | 'HIGHER_LEVEL'
  | 'WARNING';

export const EVENT_SOURCES: readonly EventSource[] = [
  'GRID_WORKER',
  'HOTLINE_12345',
  'CITIZEN',
  'VIDEO_AI',
  'IOT',
  'DEPARTMENT',
  'HIGHER_LEVEL',
];

export type EventLevel = 'GENERAL' | 'MAJOR' | 'SERIOUS' | 'EXTRAORDINARY';

export const EVENT_LEVELS: readonly EventLevel[] = ['GENERAL', 'MAJOR', 'SERIOUS', 'EXTRAORDINARY'];

export type HandlingLevel = 'GRID' | 'COMMUNITY' | 'TOWN' | 'DEPARTMENT';

export type UnitKind = 'GRID' | 'COMMUNITY' | 'TOWN_CENTRE' | 'DEPARTMENT';

export type DeadlineFlag = 'NONE' | 'YELLOW' | 'RED';

export const DEADLINE_FLAGS: readonly DeadlineFlag[] = ['NONE', 'YELLOW', 'RED'];

/** What can be done to an event: the last path segment of `POST /events/{id}/{action}`. */
export type EventActionCode =
  | 'accept'
  | 'dispatch'
  | 'sign'
  | 'resolve'
  | 'verify'
  | 'return'
  | 'escalate'
  | 'reject'
  | 'merge'
  | 'self-handle'
  | 'supervise'
  | 'evaluate';

export const EVENT_ACTIONS: readonly EventActionCode[] = [
  'accept',
  'dispatch',
  'sign',
  'resolve',
  'verify',
  'return',
  'escalate',
  'reject',
  'merge',
  'self-handle',
  'supervise',
  'evaluate',
];

/** Flow rows also record the report itself. */
export type FlowActionCode = EventActionCode | 'report';

/** A handling unit: `id` is a region id, or a department id for `DEPARTMENT`. */
export interface EventUnit {
  kind: UnitKind;
  id: number;
  name: string;
}

export interface EventItem {
  id: number;
  code: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryName: string;
  level: EventLevel;
  source: EventSource;
  status: EventStatus;
  reporterName: string | null;
  /** masked by the server, e.g. 138****5678 */
  reporterPhone: string | null;
  reportedAt: string;
  address: string | null;
  lon: number;
  lat: number;
  gridId: number | null;
  gridName: string | null;
  currentUnit: EventUnit | null;
  assigneeId: number | null;
  assigneeName: string | null;
  deadline: string | null;
  flag: DeadlineFlag;
  handlingLevel: HandlingLevel | null;
}

export interface FlowEntry {
  id: number;
  action: FlowActionCode;
  fromStatus: EventStatus | null;
  toStatus: EventStatus;
  actorId: number | null;
  actorName: string | null;
  at: string;
  comment: string | null;
  files: StoredFile[];
  target: EventUnit | null;
}

export interface DuplicateEvent {
  id: number;
  code: string;
  title: string;
  status: EventStatus;
  distanceMeters: number;
  reportedAt: string;
}

export interface EventDetail extends EventItem {
  acceptanceDeadline: string | null;
  disposalDeadline: string | null;
  acceptedAt: string | null;
  dispatchedAt: string | null;
  closedAt: string | null;
  selfHandled: boolean;
  mergedInto: { id: number; code: string } | null;
  score: number | null;
  evaluation: string | null;
  result: string | null;
  supervisions: number;
  suggestedUnit: EventUnit | null;
  version: number;
  regionPath: string | null;
  files: StoredFile[];
  flow: FlowEntry[];
  duplicates: DuplicateEvent[];
  allowedActions: EventActionCode[];
}

export type EventSortKey = 'reportedAt' | 'deadline' | 'code' | 'status';

export interface EventQuery extends PageQuery {
  /** any of these */
  status?: EventStatus[];
  /** a 大类 code matches its 小类 too */
  categoryCode?: string;
  level?: EventLevel;
  source?: EventSource;
  regionId?: number;
  /** ISO-8601 */
  from?: string;
  /** ISO-8601 */
  to?: string;
  flag?: DeadlineFlag;
  overdue?: boolean;
  keyword?: string;
  /** held by my unit or assigned to me */
  mine?: boolean;
  /** `reportedAt,desc` */
  sort?: string;
}

export interface EventReportRequest {
  categoryCode: string;
  description: string;
  lon: number;
  lat: number;
  address: string;
  source: EventSource;
  title?: string | null;
  level?: EventLevel | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  gridId?: number | null;
  fileIds?: number[];
}

/** Body of `POST /events/{id}/{action}`; which fields matter depends on the action. */
export interface EventActionRequest {
  comment?: string | null;
  targetUnitKind?: UnitKind;
  targetUnitId?: number;
  assigneeId?: number | null;
  /** ISO-8601 */
  deadline?: string | null;
  passed?: boolean;
  score?: number;
  fileIds?: number[];
  targetEventId?: number;
  version?: number;
}

export interface DispatchTarget extends EventUnit {
  members: { id: number; name: string }[];
}

// event categories

export interface EventCategory {
  code: string;
  name: string;
  defaultLevel: EventLevel;
  acceptanceHours: number;
  disposalHours: number;
  /** the tree of the contract carries it; an older server sends only enabled categories */
  enabled?: boolean;
  sortOrder?: number;
  children: EventCategory[];
}

export interface EventCategoryCreateRequest {
  code: string;
  parentCode: string | null;
  name: string;
  defaultLevel: EventLevel;
  acceptanceHours: number;
  disposalHours: number;
}

export interface EventCategoryUpdateRequest {
  name: string;
  defaultLevel: EventLevel;
  acceptanceHours: number;
  disposalHours: number;
  enabled: boolean;
  sortOrder: number;
}

// routing rules (自动流转)

export type RoutingTargetKind = 'OWN_GRID' | 'OWN_COMMUNITY' | 'TOWN_CENTRE' | 'DEPARTMENT';

export const ROUTING_TARGET_KINDS: readonly RoutingTargetKind[] = [
  'OWN_GRID',
  'OWN_COMMUNITY',
  'TOWN_CENTRE',
  'DEPARTMENT',
];

export interface RoutingRule {
  id: number;
  categoryCode: string | null;
  categoryName: string | null;
  regionId: number | null;
  regionName: string | null;
  level: EventLevel | null;
  targetKind: RoutingTargetKind;
  departmentId: number | null;
  departmentName: string | null;
  acceptanceHours: number;
  disposalHours: number;
  autoDispatch: boolean;
  priority: number;
  enabled: boolean;
}

export interface RoutingRuleRequest {
  categoryCode: string | null;
  regionId: number | null;
  level: EventLevel | null;
  targetKind: RoutingTargetKind;
  departmentId: number | null;
  acceptanceHours: number;
  disposalHours: number;
  autoDispatch: boolean;
  priority: number;
  enabled: boolean;
}
