// Sign-in, users, departments, roles, devices and the permission and role codes (docs/api/auth.md).
import type { PageQuery } from './common';
import type { RegionLevel } from './region';

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

// identity

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
  /** null for a separated admin (三员分立): the password went to the holder's phone */
  temporaryPassword: string | null;
}

/**
 * An ordinary account's reset carries the temporary password; a separated admin's
 * (三员分立) is a pending request for a second admin's approval, without one.
 */
export interface PasswordReset {
  temporaryPassword?: string;
  id?: number;
  status?: 'PENDING' | 'APPROVED' | 'EXPIRED';
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

// permission and role codes

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
