// Sign-in, public configuration, users, departments, roles and devices (docs/api/auth.md).
import { cleanParams, http } from '../http';
import type { Page, PublicConfig } from '../types/common';
import type {
  ChangePasswordRequest,
  Department,
  DepartmentRequest,
  Device,
  DeviceQuery,
  DeviceRequest,
  LoginRequest,
  Me,
  PasswordReset,
  Permission,
  Role,
  RoleRequest,
  User,
  UserCreateRequest,
  UserCreated,
  UserQuery,
  UserUpdateRequest,
} from '../types/identity';

const V1 = '/api/v1';

export const configApi = {
  getPublic: () => http.get<PublicConfig>(`${V1}/config/public`).then((r) => r.data),
};

export const authApi = {
  login: (body: LoginRequest) => http.post<Me>(`${V1}/auth/login`, body).then((r) => r.data),
  logout: () => http.post<void>(`${V1}/auth/logout`).then(() => undefined),
  /** `silent`: a 401 here is an answer ("not logged in"), not a session loss. */
  me: (silent = false) =>
    http.get<Me>(`${V1}/auth/me`, { skipAuthHandlers: silent }).then((r) => r.data),
  changePassword: (body: ChangePasswordRequest) =>
    http.post<void>(`${V1}/auth/password`, body).then(() => undefined),
};

export const userApi = {
  list: (query: UserQuery = {}) =>
    http.get<Page<User>>(`${V1}/users`, { params: cleanParams(query) }).then((r) => r.data),
  create: (body: UserCreateRequest) =>
    http.post<UserCreated>(`${V1}/users`, body).then((r) => r.data),
  update: (id: number, body: UserUpdateRequest) =>
    http.put<User>(`${V1}/users/${id}`, body).then((r) => r.data),
  enable: (id: number) => http.post<User>(`${V1}/users/${id}/enable`).then((r) => r.data),
  disable: (id: number) => http.post<User>(`${V1}/users/${id}/disable`).then((r) => r.data),
  unlock: (id: number) => http.post<User>(`${V1}/users/${id}/unlock`).then((r) => r.data),
  resetPassword: (id: number) =>
    http.post<PasswordReset>(`${V1}/users/${id}/password-reset`).then((r) => r.data),
  remove: (id: number) => http.delete<void>(`${V1}/users/${id}`).then(() => undefined),
};

export const departmentApi = {
  list: () => http.get<Department[]>(`${V1}/departments`).then((r) => r.data),
  create: (body: DepartmentRequest) =>
    http.post<Department>(`${V1}/departments`, body).then((r) => r.data),
  update: (id: number, body: DepartmentRequest) =>
    http.put<Department>(`${V1}/departments/${id}`, body).then((r) => r.data),
  remove: (id: number) => http.delete<void>(`${V1}/departments/${id}`).then(() => undefined),
};

export const roleApi = {
  list: () => http.get<Role[]>(`${V1}/roles`).then((r) => r.data),
  create: (body: RoleRequest) => http.post<Role>(`${V1}/roles`, body).then((r) => r.data),
  update: (id: number, body: RoleRequest) =>
    http.put<Role>(`${V1}/roles/${id}`, body).then((r) => r.data),
  remove: (id: number) => http.delete<void>(`${V1}/roles/${id}`).then(() => undefined),
  permissions: () => http.get<Permission[]>(`${V1}/permissions`).then((r) => r.data),
};

export const deviceApi = {
  list: (query: DeviceQuery = {}) =>
    http.get<Page<Device>>(`${V1}/devices`, { params: cleanParams(query) }).then((r) => r.data),
  create: (body: DeviceRequest) => http.post<Device>(`${V1}/devices`, body).then((r) => r.data),
  update: (id: number, body: DeviceRequest) =>
    http.put<Device>(`${V1}/devices/${id}`, body).then((r) => r.data),
  remove: (id: number) => http.delete<void>(`${V1}/devices/${id}`).then(() => undefined),
};
