import { describe, expect, it } from 'vitest';
import { taskActions, taskOverdue, taskStatusType } from './task';

describe('task actions', () => {
  it('lets the assignee start and complete, and the centre cancel', () => {
    expect(taskActions({ status: 'ASSIGNED', assigneeId: 7 }, 7, false)).toEqual([
      'start',
      'complete',
    ]);
    expect(taskActions({ status: 'IN_PROGRESS', assigneeId: 7 }, 7, true)).toEqual([
      'complete',
      'cancel',
    ]);
    expect(taskActions({ status: 'ASSIGNED', assigneeId: 7 }, 8, true)).toEqual(['cancel']);
    expect(taskActions({ status: 'ASSIGNED', assigneeId: 7 }, 8, false)).toEqual([]);
  });

  it('offers nothing on finished tasks', () => {
    expect(taskActions({ status: 'DONE', assigneeId: 7 }, 7, true)).toEqual([]);
    expect(taskActions({ status: 'CANCELLED', assigneeId: 7 }, 7, true)).toEqual([]);
  });

  it('does not treat a missing user as the assignee of an unassigned task', () => {
    expect(taskActions({ status: 'ASSIGNED', assigneeId: null }, null, false)).toEqual([]);
  });
});

describe('task looks', () => {
  it('flags open tasks past their deadline only', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(taskOverdue({ status: 'ASSIGNED', deadline: '2026-11-24T09:00:00Z' }, now)).toBe(true);
    expect(taskOverdue({ status: 'DONE', deadline: '2026-11-24T09:00:00Z' }, now)).toBe(false);
    expect(taskOverdue({ status: 'IN_PROGRESS', deadline: '2026-11-24T11:00:00Z' }, now)).toBe(
      false,
    );
    expect(taskOverdue({ status: 'ASSIGNED', deadline: null }, now)).toBe(false);
  });

  it('colours the statuses', () => {
    expect(taskStatusType('DONE')).toBe('success');
    expect(taskStatusType('CANCELLED')).toBe('info');
  });
});
