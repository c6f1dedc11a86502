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

// ---- notifications ----

export type NotificationKind =
  | 'EVENT_ASSIGNED'
  | 'EVENT_RETURNED'
  | 'EVENT_TO_VERIFY'
  | 'EVENT_SUPERVISED'
  | 'DEADLINE_YELLOW'
  | 'DEADLINE_RED'
  | 'TASK_ASSIGNED';

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
  NOTIFICATION_READ: 'messaging:notification:read',
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
