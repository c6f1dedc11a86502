import type { Task, TaskAction, TaskStatus } from '@/api';
import type { TagType } from './event';

export function taskStatusType(status: TaskStatus | string): TagType {
  switch (status) {
    case 'ASSIGNED':
      return 'warning';
    case 'IN_PROGRESS':
      return 'primary';
    case 'DONE':
      return 'success';
    default:
      return 'info';
  }
}

/**
 * What the current user may do to a task: the assignee starts and completes it, whoever may
 * write tasks (the centre) cancels an open one. The server decides again.
 */
export function taskActions(
  task: Pick<Task, 'status' | 'assigneeId'>,
  meId: number | null | undefined,
  canWrite: boolean,
): TaskAction[] {
  const mine = meId != null && task.assigneeId === meId;
  const actions: TaskAction[] = [];
  if (task.status === 'ASSIGNED' && mine) actions.push('start');
  if ((task.status === 'IN_PROGRESS' || task.status === 'ASSIGNED') && mine) {
    actions.push('complete');
  }
  if ((task.status === 'ASSIGNED' || task.status === 'IN_PROGRESS') && canWrite) {
    actions.push('cancel');
  }
  return actions;
}

/** An open task past its deadline. */
export function taskOverdue(task: Pick<Task, 'status' | 'deadline'>, now = Date.now()): boolean {
  if (!task.deadline || task.status === 'DONE' || task.status === 'CANCELLED') return false;
  const due = new Date(task.deadline).getTime();
  return !Number.isNaN(due) && due < now;
}
