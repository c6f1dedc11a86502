import { asPage, cleanParams, http, queryParams } from './http';
import type { PatrolPlanRow } from './patrolPlans';
import type {
  AssignmentRequest,
  AssignmentResult,
  AuditLog,
  AuditQuery,
  AuditVerification,
  BoardQuery,
  ChangePasswordRequest,
  CollaborativeEvent,
  Department,
  DepartmentRequest,
  Device,
  DeviceQuery,
  DeviceRequest,
  DispatchTarget,
  EventActionCode,
  EventActionRequest,
  EventCategory,
  EventCategoryCreateRequest,
  EventCategoryUpdateRequest,
  EventDetail,
  EventItem,
  EventQuery,
  EventReportRequest,
  GridFeatureCollection,
  LoginRequest,
  Me,
  NotificationItem,
  NotificationPage,
  NotificationQuery,
  Page,
  PasswordReset,
  PatrolDetail,
  PatrolDomain,
  PatrolItemRequest,
  PatrolPosition,
  PatrolQuery,
  PatrolStartRequest,
  PatrolSummary,
  PatrolTrackBatch,
  PatrolTrackReceipt,
  Permission,
  PublicConfig,
  Region,
  RegionCreateRequest,
  RegionNode,
  RegionUpdateRequest,
  Role,
  RoleRequest,
  RoutingRule,
  RoutingRuleRequest,
  StoredFile,
  Task,
  TaskAction,
  TaskCreateRequest,
  TaskQuery,
  User,
  UserCreateRequest,
  UserCreated,
  UserQuery,
  UserUpdateRequest,
} from './types';

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

export const regionApi = {
  tree: () => http.get<RegionNode[]>(`${V1}/regions/tree`).then((r) => r.data),
  get: (id: number) => http.get<Region>(`${V1}/regions/${id}`).then((r) => r.data),
  locate: (lon: number, lat: number) =>
    http.get<Region>(`${V1}/regions/locate`, { params: { lon, lat } }).then((r) => r.data),
  grids: (id: number) =>
    http.get<GridFeatureCollection>(`${V1}/regions/${id}/grids.geojson`).then((r) => r.data),
  create: (body: RegionCreateRequest) =>
    http.post<Region>(`${V1}/regions`, body).then((r) => r.data),
  update: (id: number, body: RegionUpdateRequest) =>
    http.put<Region>(`${V1}/regions/${id}`, body).then((r) => r.data),
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

export const auditApi = {
  logs: (query: AuditQuery = {}) =>
    http
      .get<Page<AuditLog>>(`${V1}/audit/logs`, { params: cleanParams(query) })
      .then((r) => r.data),
  verify: () => http.get<AuditVerification>(`${V1}/audit/verify`).then((r) => r.data),
};

export const fileApi = {
  /** `POST /files` (multipart field `file`); the id goes into an event's `fileIds`. */
  upload: (file: Blob, name?: string) => {
    const form = new FormData();
    if (name) form.append('file', file, name);
    else form.append('file', file);
    return http.post<StoredFile>(`${V1}/files`, form, { timeout: 120_000 }).then((r) => r.data);
  },
};

export const eventApi = {
  list: (query: EventQuery = {}) =>
    http
      .get<Page<EventItem>>(`${V1}/events`, { params: queryParams(query) })
      .then((r) => asPage(r.data)),
  get: (id: number) => http.get<EventDetail>(`${V1}/events/${id}`).then((r) => r.data),
  /** The same key from the same user returns the same event (a retry never reports twice). */
  report: (body: EventReportRequest, idempotencyKey?: string) =>
    http
      .post<EventDetail>(`${V1}/events`, body, {
        headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
      })
      .then((r) => r.data),
  act: (id: number, action: EventActionCode, body: EventActionRequest = {}) =>
    http.post<EventDetail>(`${V1}/events/${id}/${action}`, body).then((r) => r.data),
  /** Units (with their members) the caller may dispatch to in their town. */
  dispatchTargets: () =>
    http.get<DispatchTarget[]>(`${V1}/events/dispatch-targets`).then((r) => r.data),
};

export const eventCategoryApi = {
  /** `all`: the disabled categories too (administration); otherwise only what can be reported. */
  tree: (all = false) =>
    http
      .get<EventCategory[]>(`${V1}/event-categories`, { params: all ? { all: true } : undefined })
      .then((r) => r.data),
  create: (body: EventCategoryCreateRequest) =>
    http.post<EventCategory>(`${V1}/event-categories`, body).then((r) => r.data),
  update: (code: string, body: EventCategoryUpdateRequest) =>
    http
      .put<EventCategory>(`${V1}/event-categories/${encodeURIComponent(code)}`, body)
      .then((r) => r.data),
};

export const routingRuleApi = {
  list: () =>
    http
      .get<RoutingRule[] | Page<RoutingRule>>(`${V1}/routing-rules`)
      .then((r) => asPage(r.data).items),
  create: (body: RoutingRuleRequest) =>
    http.post<RoutingRule>(`${V1}/routing-rules`, body).then((r) => r.data),
  update: (id: number, body: RoutingRuleRequest) =>
    http.put<RoutingRule>(`${V1}/routing-rules/${id}`, body).then((r) => r.data),
  remove: (id: number) => http.delete<void>(`${V1}/routing-rules/${id}`).then(() => undefined),
};

export const dispatchApi = {
  /** The 联动指挥 board (标准 7.2.6). */
  board: (query: BoardQuery = {}) =>
    http
      .get<Page<CollaborativeEvent>>(`${V1}/dispatch/collaborative-events`, {
        params: queryParams(query),
      })
      .then((r) => asPage(r.data)),
  /** All or nothing: a 400/409 names each event that cannot be assigned as `eventIds[i]`. */
  assign: (body: AssignmentRequest) =>
    http.post<AssignmentResult>(`${V1}/dispatch/assignments`, body).then((r) => r.data),
};

export const taskApi = {
  list: (query: TaskQuery = {}) =>
    http
      .get<Page<Task> | Task[]>(`${V1}/dispatch/tasks`, { params: queryParams(query) })
      .then((r) => asPage(r.data)),
  create: (body: TaskCreateRequest) =>
    http.post<Task>(`${V1}/dispatch/tasks`, body).then((r) => r.data),
  act: (id: number, action: TaskAction, comment?: string | null) =>
    http
      .post<Task>(`${V1}/dispatch/tasks/${id}/${action}`, action === 'start' ? {} : { comment })
      .then((r) => r.data),
};

/** Server-sent events of new notifications: event `notification`, data one item as JSON. */
export const NOTIFICATION_STREAM_URL = `${V1}/notifications/stream`;

export const notificationApi = {
  list: (query: NotificationQuery = {}) =>
    http
      .get<NotificationPage>(`${V1}/notifications`, { params: cleanParams(query) })
      .then((r) => r.data),
  markRead: (id: number) =>
    http.post<NotificationItem>(`${V1}/notifications/${id}/read`).then((r) => r.data),
  markAllRead: () =>
    http.post<{ marked: number }>(`${V1}/notifications/read-all`).then((r) => r.data),
};

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
