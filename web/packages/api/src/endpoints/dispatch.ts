// The dispatch board (联动指挥) and tasks.
import { asPage, http, queryParams } from '../http';
import type { Page } from '../types/common';
import type {
  AssignmentRequest,
  AssignmentResult,
  BoardQuery,
  CollaborativeEvent,
  Task,
  TaskAction,
  TaskCreateRequest,
  TaskQuery,
} from '../types/dispatch';

const V1 = '/api/v1';

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
