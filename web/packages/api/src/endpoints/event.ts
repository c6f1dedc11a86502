// Events, their categories and the routing rules (docs/api/events.md).
import { asPage, http, queryParams } from '../http';
import type { Page } from '../types/common';
import type {
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
  RoutingRule,
  RoutingRuleRequest,
} from '../types/event';

const V1 = '/api/v1';

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
