// The caller's notifications.
import type { Page, PageQuery } from './common';

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
