import { http, queryParams } from './http';
import type { Page, PageQuery, StoredFile } from './types';

// 通知公告 (the server's `notice` module, docs/api/notice.md): notices of a town's centre or leaders
// to regions and roles, each recipient's inbox and read receipts.

const V1 = '/api/v1';

export const NOTICE_PERMISSIONS = {
  READ: 'notice:notice:read',
  MANAGE: 'notice:notice:manage',
} as const;

export const NOTICE_STATUSES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The roles a notice may target (none chosen: every role). */
export const NOTICE_TARGET_ROLES = [
  'TOWN_LEADER',
  'CENTER_STAFF',
  'DEPT_HANDLER',
  'GRID_CHIEF',
  'GRID_WORKER',
] as const;

export interface NoticeView {
  id: number;
  title: string;
  /** sanitised HTML (sanitise again before showing it) */
  body: string;
  status: NoticeStatus;
  authorId: number;
  authorName: string | null;
  regions: { id: number; name: string }[];
  roleCodes: string[];
  files: StoredFile[];
  publishedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** the caller's own receipt; null when the caller is not a recipient */
  read: boolean | null;
  readAt: string | null;
  /** managers only */
  recipientCount: number | null;
  readCount: number | null;
  manageable: boolean;
  version: number;
}

export interface NoticeSummary {
  id: number;
  title: string;
  status: NoticeStatus;
  authorName: string | null;
  publishedAt: string | null;
  updatedAt: string;
  read: boolean | null;
  readAt: string | null;
  recipientCount: number | null;
  readCount: number | null;
}

export interface NoticeCommand {
  title: string;
  body: string;
  regionIds: number[];
  roleCodes: string[];
  fileIds: number[];
  /** POST only: publish at once */
  publish?: boolean;
}

export interface NoticeReceipts {
  total: number;
  read: number;
  unread: number;
  byRegion: { regionId: number; name: string; total: number; read: number }[];
  users: {
    userId: number;
    name: string;
    regionName: string;
    read: boolean;
    readAt: string | null;
  }[];
}

export interface NoticeQuery extends PageQuery {
  box?: 'inbox' | 'managed';
  keyword?: string | null;
  unread?: boolean | null;
}

export const noticeApi = {
  list: (query: NoticeQuery = {}) =>
    http
      .get<Page<NoticeSummary>>(`${V1}/notices`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  get: (id: number) => http.get<NoticeView>(`${V1}/notices/${id}`).then((r) => r.data),
  unreadCount: () =>
    http.get<{ count: number }>(`${V1}/notices/unread-count`).then((r) => r.data.count),
  markRead: (id: number) => http.post<void>(`${V1}/notices/${id}/read`).then(() => undefined),
  receipts: (id: number) =>
    http.get<NoticeReceipts>(`${V1}/notices/${id}/receipts`).then((r) => r.data),
  create: (body: NoticeCommand) => http.post<NoticeView>(`${V1}/notices`, body).then((r) => r.data),
  update: (id: number, body: NoticeCommand) =>
    http.put<NoticeView>(`${V1}/notices/${id}`, body).then((r) => r.data),
  publish: (id: number) => http.post<NoticeView>(`${V1}/notices/${id}/publish`).then((r) => r.data),
  withdraw: (id: number) =>
    http.post<NoticeView>(`${V1}/notices/${id}/withdraw`).then((r) => r.data),
};

/**
 * What a notice body may contain once shown: the same tags and attributes as the server's
 * safelist. Both apps pass this to DOMPurify before rendering a body (the server has sanitised it
 * already; this is the browser's own line of defence).
 */
export const NOTICE_HTML = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'a',
    'img',
  ],
  ALLOWED_ATTR: ['href', 'title', 'rel', 'target', 'src', 'alt'],
  /** http(s) links and our own files as images */
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|\/api\/v1\/files\/\d+(?:\/thumbnail)?$)/i,
};
