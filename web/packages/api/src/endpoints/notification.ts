// The caller's notifications and their live stream.
import { cleanParams, http } from '../http';
import type { NotificationItem, NotificationPage, NotificationQuery } from '../types/notification';

const V1 = '/api/v1';

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
