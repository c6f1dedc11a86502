import { http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 12345热线工单 (the server's `hotline` module, docs/api/hotline.md): work orders from the 12345
// system, each one a HOTLINE_12345 event; deadlines in working days over the holiday calendar;
// extension requests; the reply when the event closes and the return call.

const V1 = '/api/v1';

export const HOTLINE_PERMISSIONS = {
  ORDER_READ: 'hotline:order:read',
  ORDER_WRITE: 'hotline:order:write',
  EXTENSION_REQUEST: 'hotline:extension:request',
  EXTENSION_APPROVE: 'hotline:extension:approve',
  CALENDAR_WRITE: 'hotline:calendar:write',
} as const;

export const APPEAL_TYPES = ['COMPLAINT', 'HELP', 'CONSULT', 'SUGGESTION', 'REPORT'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export const HOTLINE_STATUSES = ['OPEN', 'REPLIED', 'RETURN_VISITED', 'REOPENED'] as const;
export type HotlineStatus = (typeof HOTLINE_STATUSES)[number];

export const SATISFACTIONS = ['SATISFIED', 'BASICALLY', 'UNSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export type ExtensionStatus = 'PENDING' | 'APPROVED' | 'REFUSED';

export interface HotlineExtension {
  id: number;
  orderId: number;
  orderNumber: string;
  days: number;
  reason: string;
  status: ExtensionStatus;
  statusName: string;
  requestedBy: number;
  requestedByName: string;
  requestedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** ISO dates (yyyy-mm-dd) */
  deadlineBefore: string;
  deadlineAfter: string | null;
}

export interface HotlineOrder {
  id: number;
  orderNumber: string;
  appealType: AppealType;
  appealTypeName: string;
  title: string;
  content: string;
  callerName: string | null;
  /** masked: 138****5678 */
  callerPhone: string | null;
  address: string;
  lon: number | null;
  lat: number | null;
  categoryCode: string | null;
  receivedAt: string;
  timeLimitDays: number;
  /** the last working day (yyyy-mm-dd); `deadlineAt` is its end, Asia/Shanghai */
  deadline: string;
  deadlineAt: string;
  overdue: boolean;
  /** working days left (negative: overdue by so many); 0 once replied */
  workingDaysLeft: number;
  status: HotlineStatus;
  statusName: string;
  reply: string | null;
  repliedAt: string | null;
  satisfaction: Satisfaction | null;
  satisfactionName: string | null;
  visitNote: string | null;
  visitedAt: string | null;
  reopenCount: number;
  eventId: number;
  eventCode: string;
  eventStatus: string;
  gridId: number;
  gridName: string;
  pendingExtensions: number;
  version: number;
  createdAt: string;
  /** only in the detail */
  extensions: HotlineExtension[];
}

export interface HotlineOrderCommand {
  orderNumber: string;
  appealType: AppealType | '';
  title: string;
  content: string;
  callerName?: string | null;
  callerPhone?: string | null;
  address: string;
  lon?: number | null;
  lat?: number | null;
  townId?: number | null;
  categoryCode?: string | null;
  receivedAt?: string | null;
  timeLimitDays?: number | null;
}

export interface HotlineOrderQuery extends PageQuery {
  status?: HotlineStatus | '' | null;
  appealType?: AppealType | '' | null;
  overdue?: boolean | null;
  /** yyyy-mm-dd, received on or after */
  from?: string | null;
  /** yyyy-mm-dd, received on or before */
  to?: string | null;
  keyword?: string | null;
  eventId?: number | null;
}

export interface CalendarDay {
  date: string;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  working: boolean;
  /** the override, null when the day follows Monday–Friday */
  kind: 'WORKDAY' | 'HOLIDAY' | null;
  name: string | null;
}

export const hotlineApi = {
  orders: (query: HotlineOrderQuery = {}) =>
    http
      .get<Page<HotlineOrder>>(`${V1}/hotline/orders`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  order: (id: number) => http.get<HotlineOrder>(`${V1}/hotline/orders/${id}`).then((r) => r.data),
  /** The order of a HOTLINE_12345 event, if the caller may read orders. */
  byEvent: (eventId: number) =>
    http
      .get<Page<HotlineOrder>>(`${V1}/hotline/orders`, { params: { eventId, size: 1 } })
      .then((r) => r.data.items[0] ?? null),
  /** The orders of these HOTLINE_12345 events (the event list's 12345 line). */
  byEvents: (eventIds: number[]) =>
    http
      .get<Page<HotlineOrder>>(`${V1}/hotline/orders`, {
        params: { eventId: eventIds.join(','), size: Math.max(eventIds.length, 1) },
      })
      .then((r) => r.data.items),
  /** 201 for a new order; 200 with the order already taken in for a known number. */
  create: (body: HotlineOrderCommand) =>
    http.post<HotlineOrder>(`${V1}/hotline/orders`, body).then((r) => r.data),
  requestExtension: (orderId: number, days: number, reason: string) =>
    http
      .post<HotlineExtension>(`${V1}/hotline/orders/${orderId}/extensions`, { days, reason })
      .then((r) => r.data),
  approve: (extensionId: number, note?: string) =>
    http
      .post<HotlineExtension>(`${V1}/hotline/extensions/${extensionId}/approve`, { note })
      .then((r) => r.data),
  refuse: (extensionId: number, note: string) =>
    http
      .post<HotlineExtension>(`${V1}/hotline/extensions/${extensionId}/refuse`, { note })
      .then((r) => r.data),
  returnVisit: (orderId: number, satisfaction: Satisfaction, note?: string) =>
    http
      .post<HotlineOrder>(`${V1}/hotline/orders/${orderId}/return-visit`, { satisfaction, note })
      .then((r) => r.data),
  calendar: (year: number) =>
    http.get<CalendarDay[]>(`${V1}/hotline/calendar`, { params: { year } }).then((r) => r.data),
  setDay: (date: string, kind: 'WORKDAY' | 'HOLIDAY', name?: string | null) =>
    http.put<CalendarDay>(`${V1}/hotline/calendar/${date}`, { kind, name }).then((r) => r.data),
};
