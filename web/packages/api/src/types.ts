/** TypeScript shapes of the GovGrid REST API (`/api/v1`). Times are ISO-8601 strings. */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface PageQuery {
  page?: number;
  size?: number;
}

// ---- config ----

export interface PublicConfig {
  mapTileUrl: string | null;
  mapAttribution: string | null;
  appName: string;
}

// ---- auth ----

export type RegionLevel = 'CITY' | 'DISTRICT' | 'TOWN' | 'COMMUNITY' | 'GRID';

export const REGION_LEVELS: readonly RegionLevel[] = [
  'CITY',
  'DISTRICT',
  'TOWN',
  'COMMUNITY',
  'GRID',
];

export interface Scope {
  regionId: number;
  code: string;
  name: string;
  level: RegionLevel;
  path: string;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  scope: Scope | null;
  departmentId: number | null;
  departmentName: string | null;
  mustChangePassword: boolean;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  oldPassword: string;
  newPassword: string;
}

// ---- region ----

export type Position = number[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface RegionNode {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
  children: RegionNode[];
}

export interface Region {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
  boundary: BoundaryGeometry | null;
  center: { lon: number; lat: number } | null;
}

export interface GridProperties {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  parentName: string | null;
}

export interface GridFeature {
  type: 'Feature';
  id?: string | number;
  geometry: BoundaryGeometry | null;
  properties: GridProperties;
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

export interface RegionCreateRequest {
  parentId: number | null;
  level: RegionLevel;
  code: string;
  name: string;
  boundary: BoundaryGeometry | null;
}

export interface RegionUpdateRequest {
  name: string;
  boundary: BoundaryGeometry | null;
}

// ---- identity ----

export interface User {
  id: number;
  username: string;
  displayName: string;
  /** masked by the server, e.g. 138****5678 */
  phone: string | null;
  departmentId: number | null;
  departmentName: string | null;
  scopeRegionId: number | null;
  scopeRegionName: string | null;
  roles: string[];
  enabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserQuery extends PageQuery {
  q?: string;
}

export interface UserUpdateRequest {
  displayName: string;
  phone: string | null;
  departmentId: number | null;
  scopeRegionId: number | null;
  roles: string[];
}

export interface UserCreateRequest extends UserUpdateRequest {
  username: string;
}

export interface UserCreated {
  user: User;
  temporaryPassword: string;
}

export interface PasswordReset {
  temporaryPassword: string;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  regionId: number | null;
  regionName: string | null;
}

export interface DepartmentRequest {
  code: string;
  name: string;
  regionId: number | null;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  permissions: string[];
}

export interface RoleRequest {
  code: string;
  name: string;
  description: string | null;
  permissions: string[];
}

export interface Permission {
  code: string;
  module: string;
  /** Chinese display name */
  name: string;
}

export type DeviceType = 'PHONE' | 'PAD' | 'PC' | 'TERMINAL';

export const DEVICE_TYPES: readonly DeviceType[] = ['PHONE', 'PAD', 'PC', 'TERMINAL'];

export interface Device {
  id: number;
  deviceCode: string;
  name: string;
  type: DeviceType;
  userId: number | null;
  username: string | null;
  enabled: boolean;
  lastSeenAt: string | null;
  createdAt: string;
}

export interface DeviceQuery extends PageQuery {
  q?: string;
}

export interface DeviceRequest {
  deviceCode: string;
  name: string;
  type: DeviceType;
  userId: number | null;
  enabled: boolean;
}

// ---- audit ----

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];

export interface AuditLog {
  id: number;
  occurredAt: string;
  username: string | null;
  clientIp: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  detail: string | null;
}

export interface AuditQuery extends PageQuery {
  username?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** ISO-8601 */
  from?: string;
  /** ISO-8601 */
  to?: string;
}

export interface AuditVerification {
  intact: boolean;
  checked: number;
  unsealed: number;
  firstBrokenId: number | null;
  message: string;
}

// ---- files ----

export interface StoredFile {
  id: number;
  name: string;
  contentType: string;
  size?: number;
  sha256?: string;
  width?: number | null;
  height?: number | null;
  /** download (always an attachment) */
  url: string;
  /** our re-encoded JPEG preview; null for videos and documents */
  thumbnailUrl: string | null;
  createdAt?: string;
  /** an mp4's probe; null for other files */
  video?: StoredVideo | null;
}

/** What the server read from an uploaded mp4; `compliant`: 1080p at 25 fps (标准 7.3.2d). */
export interface StoredVideo {
  width: number;
  height: number;
  frameRate: number | null;
  durationMs: number | null;
  compliant: boolean;
  /** why not compliant: `not 1080p25 (标准 7.3.2d): …` */
  note: string | null;
}

// ---- events (docs/api/events.md) ----

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

// ---- event categories ----

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

// ---- routing rules (自动流转) ----

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

// ---- dispatch board (联动指挥, 标准 7.2.6) ----

export interface CollaborativeEvent {
  id: number;
  code: string;
  reporterName: string | null;
  reporterPhone: string | null;
  reportedAt: string;
  content: string;
  overdueAt: string | null;
  status: EventStatus;
  source: EventSource;
  flag: DeadlineFlag;
  actions: EventActionCode[];
  currentUnit: EventUnit | null;
  categoryName: string | null;
}

export type BoardSortKey = 'code' | 'reportedAt' | 'overdueAt' | 'status' | 'source';

export interface BoardQuery extends PageQuery {
  status?: EventStatus[];
  source?: EventSource;
  flag?: DeadlineFlag;
  keyword?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export interface AssignmentRequest {
  eventIds: number[];
  targetUnitKind: UnitKind;
  targetUnitId: number;
  assigneeId: number | null;
  deadline: string | null;
  comment: string | null;
}

export interface AssignmentResult {
  events: EventItem[];
}

// ---- tasks (任务) ----

export type TaskStatus = 'ASSIGNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'ASSIGNED',
  'IN_PROGRESS',
  'DONE',
  'CANCELLED',
];

export type TaskAction = 'start' | 'complete' | 'cancel';

export interface Task {
  id: number;
  title: string;
  description: string | null;
  status: TaskStatus;
  assigneeId: number | null;
  assigneeName: string | null;
  creatorName: string | null;
  deadline: string | null;
  eventId: number | null;
  eventCode: string | null;
  createdAt: string;
  completedAt: string | null;
  comment: string | null;
}

export interface TaskQuery extends PageQuery {
  status?: TaskStatus;
  mine?: boolean;
}

export interface TaskCreateRequest {
  title: string;
  description: string | null;
  assigneeId: number;
  deadline: string | null;
  eventId: number | null;
}

// ---- notifications ----

export type NotificationKind =
  | 'EVENT_ASSIGNED'
  | 'EVENT_RETURNED'
  | 'EVENT_TO_VERIFY'
  | 'EVENT_SUPERVISED'
  | 'DEADLINE_YELLOW'
  | 'DEADLINE_RED'
  | 'TASK_ASSIGNED'
  | 'WARNING_ALERT'
  | 'NOTICE_PUBLISHED'
  | 'SUPERVISION_REMINDED'
  | 'SUPERVISION_OVERDUE'
  | 'SUPERVISION_ANSWERED';

export interface NotificationItem {
  id: number;
  /** One of {@link NotificationKind}; unknown kinds are shown by their title alone. */
  kind: NotificationKind | string;
  title: string;
  body: string | null;
  /** A console path (`/events/12`), never another site. */
  link: string | null;
  subjectType: string | null;
  subjectId: number | null;
  createdAt: string;
  readAt: string | null;
}

/** A page of the caller's notifications plus their unread count. */
export interface NotificationPage extends Page<NotificationItem> {
  unread: number;
}

export interface NotificationQuery extends PageQuery {
  unread?: boolean;
}

// ---- permission and role codes ----

export const PERMISSIONS = {
  REGION_READ: 'region:area:read',
  REGION_WRITE: 'region:area:write',
  USER_READ: 'identity:user:read',
  USER_WRITE: 'identity:user:write',
  USER_RESET_PASSWORD: 'identity:user:reset-password',
  USER_UNLOCK: 'identity:user:unlock',
  DEPT_READ: 'identity:dept:read',
  DEPT_WRITE: 'identity:dept:write',
  ROLE_READ: 'identity:role:read',
  ROLE_WRITE: 'identity:role:write',
  DEVICE_READ: 'identity:device:read',
  DEVICE_WRITE: 'identity:device:write',
  AUDIT_READ: 'audit:log:read',
  AUDIT_VERIFY: 'audit:chain:verify',
  EVENT_READ: 'event:case:read',
  EVENT_READ_ALL: 'event:case:read-all',
  EVENT_REPORT: 'event:case:report',
  EVENT_HANDLE: 'event:case:handle',
  EVENT_DISPATCH: 'event:case:dispatch',
  EVENT_SUPERVISE: 'event:case:supervise',
  EVENT_EVALUATE: 'event:case:evaluate',
  /** 事件台账 export (with EVENT_READ) */
  EVENT_EXPORT: 'event:export',
  ROUTING_READ: 'event:routing:read',
  ROUTING_WRITE: 'event:routing:write',
  CATEGORY_READ: 'event:category:read',
  CATEGORY_WRITE: 'event:category:write',
  BOARD_READ: 'dispatch:board:read',
  TASK_READ: 'dispatch:task:read',
  TASK_WRITE: 'dispatch:task:write',
  FILE_UPLOAD: 'files:file:upload',
  FILE_READ: 'files:file:read',
  NOTIFICATION_READ: 'messaging:notification:read',
  PATROL_READ: 'patrol:patrol:read',
} as const;

export type PermissionCode = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export const ROLE_CODES = [
  'SYS_ADMIN',
  'SEC_ADMIN',
  'AUDITOR',
  'TOWN_LEADER',
  'CENTER_STAFF',
  'DEPT_HANDLER',
  'GRID_CHIEF',
  'GRID_WORKER',
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

// --- Patrols (全科巡查) ---

export const PATROL_STATUSES = ['ACTIVE', 'FINISHED'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

export const PATROL_ITEM_RESULTS = ['NORMAL', 'PROBLEM'] as const;
export type PatrolItemResultCode = (typeof PATROL_ITEM_RESULTS)[number];

export interface PatrolChecklistItem {
  code: string;
  name: string;
  categoryCode: string;
}

/** A patrol domain (巡查领域) with its checklist. */
export interface PatrolDomain {
  code: string;
  name: string;
  items: PatrolChecklistItem[];
}

export interface PatrolQuery extends PageQuery {
  workerId?: number | null;
  gridId?: number | null;
  domainCode?: string | null;
  /** `YYYY-MM-DD`, the day the patrol started (Asia/Shanghai). */
  date?: string | null;
}

export interface PatrolSummary {
  id: number;
  workerId: number;
  workerName: string;
  domainCode: string;
  domainName: string;
  gridId: number;
  gridName: string;
  status: PatrolStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Null while active (the list does not compute it on the fly). */
  distanceMeters: number | null;
  durationSeconds: number | null;
  pointCount: number;
  itemsDone: number;
}

export interface PatrolPosition {
  lon: number;
  lat: number;
}

export interface PatrolItemResult {
  itemCode: string;
  name: string;
  result: PatrolItemResultCode;
  comment: string | null;
  eventId: number | null;
  eventCode: string | null;
  recordedAt: string;
}

export interface PatrolTrack {
  type: 'LineString';
  /** `[lon, lat]` in time order. */
  coordinates: [number, number][];
}

export interface PatrolDetail {
  id: number;
  workerId: number;
  workerName: string;
  domainCode: string;
  domainName: string;
  gridId: number;
  gridName: string;
  status: PatrolStatus;
  startedAt: string;
  finishedAt: string | null;
  start: PatrolPosition;
  end: PatrolPosition | null;
  distanceMeters: number;
  durationSeconds: number;
  pointCount: number;
  itemsDone: number;
  itemsTotal: number;
  items: PatrolItemResult[];
  track: PatrolTrack;
  /** One ISO instant per track coordinate. */
  trackTimes: string[];
}

export interface PatrolStartRequest {
  domainCode: string;
  lon: number;
  lat: number;
}

/** One GPS fix; `time` ISO-8601 with the phone's offset (`2026-11-24T09:00:00+08:00`). */
export interface PatrolTrackPoint {
  time: string;
  lon: number;
  lat: number;
  accuracy: number | null;
  speed: number | null;
}

/** 1–500 points; a key sent again returns the first answer (`replayed: true`). */
export interface PatrolTrackBatch {
  batchKey: string;
  points: PatrolTrackPoint[];
}

export interface PatrolTrackReceipt {
  batchKey: string;
  accepted: number;
  pointCount: number;
  replayed: boolean;
}

/** A checklist item's result; `PROBLEM` needs a comment and reports an event at once. */
export interface PatrolItemRequest {
  itemCode: string;
  result: PatrolItemResultCode;
  comment?: string | null;
  lon?: number | null;
  lat?: number | null;
  address?: string | null;
  fileIds?: number[];
}
