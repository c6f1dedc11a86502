// The dispatch board (联动指挥, 标准 7.2.6) and tasks (任务).
import type { PageQuery } from './common';
import type {
  DeadlineFlag,
  EventActionCode,
  EventItem,
  EventSource,
  EventStatus,
  EventUnit,
  UnitKind,
} from './event';

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

// tasks (任务)

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
