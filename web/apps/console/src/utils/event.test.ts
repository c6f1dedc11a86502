import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  actionButtons,
  actionForm,
  actionRequest,
  assignmentErrors,
  filterQuery,
  flagRowClass,
  flagTagType,
  flowType,
  groupTargets,
  hours,
  isOpen,
  parseUnitValue,
  sortParam,
  splitRowActions,
  statusTag,
  unitMembers,
  unitValue,
  type ActionFormValues,
} from './event';

function problem(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response = { status, statusText: '', data, headers: {}, config } as AxiosResponse;
  return new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, undefined, response);
}

const emptyForm: ActionFormValues = {
  comment: '',
  target: null,
  assigneeId: null,
  deadline: null,
  fileIds: [],
  passed: null,
  score: 5,
  targetEventId: null,
};

describe('status and flag looks', () => {
  it('gives every status its own tag', () => {
    const looks = ['REPORTED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'].map(
      (s) => JSON.stringify(statusTag(s)),
    );
    expect(new Set(looks).size).toBe(6);
    expect(statusTag('REPORTED').type).toBe('warning');
    expect(statusTag('REJECTED').type).toBe('info');
    expect(statusTag('SOMETHING_NEW').type).toBe('info');
  });

  it('maps red to danger, yellow to warning and nothing else to a badge', () => {
    expect(flagTagType('RED')).toBe('danger');
    expect(flagTagType('YELLOW')).toBe('warning');
    expect(flagTagType('NONE')).toBeNull();
    expect(flagTagType(null)).toBeNull();
  });

  it('highlights red and yellow rows only', () => {
    expect(flagRowClass('RED')).toBe('row-flag-red');
    expect(flagRowClass('YELLOW')).toBe('row-flag-yellow');
    expect(flagRowClass('NONE')).toBe('');
    expect(flagRowClass(undefined)).toBe('');
  });

  it('knows which statuses are still open', () => {
    expect(isOpen('REPORTED')).toBe(true);
    expect(isOpen('RESOLVED')).toBe(true);
    expect(isOpen('CLOSED')).toBe(false);
    expect(isOpen('REJECTED')).toBe(false);
  });

  it('colours the timeline by what happened', () => {
    expect(flowType({ action: 'report', toStatus: 'REPORTED' })).toBe('primary');
    expect(flowType({ action: 'verify', toStatus: 'CLOSED' })).toBe('success');
    expect(flowType({ action: 'verify', toStatus: 'IN_PROGRESS' })).toBe('danger');
    expect(flowType({ action: 'return', toStatus: 'REPORTED' })).toBe('warning');
    expect(flowType({ action: 'reject', toStatus: 'REJECTED' })).toBe('danger');
  });
});

describe('action buttons', () => {
  it("follows the workflow's order whatever order the server sends, dropping unknown codes", () => {
    const buttons = actionButtons([
      'merge',
      'reject',
      'dispatch',
      'teleport',
      'accept',
      'supervise',
    ]);
    expect(buttons.map((b) => b.action)).toEqual([
      'accept',
      'dispatch',
      'reject',
      'merge',
      'supervise',
    ]);
    expect(buttons.find((b) => b.action === 'reject')?.type).toBe('danger');
    expect(buttons.find((b) => b.action === 'supervise')?.type).toBe('warning');
    expect(buttons.find((b) => b.action === 'accept')?.type).toBe('primary');
  });

  it('has no buttons without allowed actions', () => {
    expect(actionButtons(undefined)).toEqual([]);
    expect(actionButtons([])).toEqual([]);
  });

  it('puts dispatch (else the first forward action) on the board row, the rest under "more"', () => {
    expect(splitRowActions(['accept', 'dispatch', 'reject', 'merge'])).toEqual({
      inline: ['dispatch'],
      more: ['accept', 'reject', 'merge'],
    });
    expect(splitRowActions(['accept', 'dispatch', 'reject'], 2)).toEqual({
      inline: ['dispatch', 'accept'],
      more: ['reject'],
    });
    expect(splitRowActions(['return', 'sign'])).toEqual({ inline: ['sign'], more: ['return'] });
    expect(splitRowActions(['supervise'])).toEqual({ inline: [], more: ['supervise'] });
    expect(splitRowActions([])).toEqual({ inline: [], more: [] });
  });
});

describe('action dialogs and requests', () => {
  it('asks for what the contract requires', () => {
    expect(actionForm('dispatch')).toMatchObject({
      target: 'required',
      assignee: true,
      deadline: true,
    });
    expect(actionForm('resolve')).toMatchObject({ comment: 'required', files: true });
    expect(actionForm('self-handle')).toMatchObject({ comment: 'required', files: true });
    expect(actionForm('reject')).toMatchObject({ comment: 'required', commentLabel: 'reason' });
    expect(actionForm('return').comment).toBe('required');
    expect(actionForm('escalate')).toMatchObject({ comment: 'required', target: 'optional' });
    expect(actionForm('verify')).toMatchObject({ passed: true, comment: 'ifFailed' });
    expect(actionForm('evaluate').score).toBe(true);
    expect(actionForm('merge').mergeTarget).toBe(true);
    expect(actionForm('accept')).toMatchObject({ comment: 'optional', target: 'none' });
  });

  it('builds a dispatch with unit, person, deadline and version', () => {
    const body = actionRequest(
      'dispatch',
      {
        ...emptyForm,
        target: 'DEPARTMENT:3',
        assigneeId: 12,
        deadline: new Date('2026-11-24T08:00:00Z'),
        comment: '  请尽快处置 ',
        score: 3,
      },
      7,
    );
    expect(body).toEqual({
      targetUnitKind: 'DEPARTMENT',
      targetUnitId: 3,
      assigneeId: 12,
      deadline: '2026-11-24T08:00:00.000Z',
      comment: '请尽快处置',
      version: 7,
    });
  });

  it('sends only the fields of the action', () => {
    const form = {
      ...emptyForm,
      comment: '已清理',
      target: 'GRID:9',
      fileIds: [4, 5],
      passed: false,
      score: 2,
      targetEventId: 3,
    };
    expect(actionRequest('resolve', form, 1)).toEqual({
      comment: '已清理',
      fileIds: [4, 5],
      version: 1,
    });
    expect(actionRequest('verify', form, 1)).toEqual({
      comment: '已清理',
      fileIds: [4, 5],
      passed: false,
      version: 1,
    });
    expect(actionRequest('evaluate', form)).toEqual({ comment: '已清理', score: 2 });
    expect(actionRequest('merge', form, 2)).toEqual({
      comment: '已清理',
      targetEventId: 3,
      version: 2,
    });
    expect(actionRequest('accept', { ...emptyForm, comment: '   ' }, 0)).toEqual({ version: 0 });
  });

  it('escalates without a target when none is chosen', () => {
    expect(actionRequest('escalate', { ...emptyForm, comment: '超出处置能力' })).toEqual({
      comment: '超出处置能力',
    });
  });
});

describe('units', () => {
  const targets = [
    {
      kind: 'GRID' as const,
      id: 9,
      name: '狮山社区第1网格',
      members: [{ id: 5, name: '网格员一' }],
    },
    { kind: 'DEPARTMENT' as const, id: 3, name: '城管', members: [{ id: 12, name: '城管处置员' }] },
    { kind: 'COMMUNITY' as const, id: 4, name: '狮山社区', members: [] },
  ];

  it('round-trips a unit through a select value', () => {
    expect(unitValue({ kind: 'DEPARTMENT', id: 3 })).toBe('DEPARTMENT:3');
    expect(parseUnitValue('TOWN_CENTRE:2')).toEqual({ kind: 'TOWN_CENTRE', id: 2 });
    expect(parseUnitValue('')).toBeNull();
    expect(parseUnitValue('DEPARTMENT:x')).toBeNull();
    expect(parseUnitValue(':3')).toBeNull();
  });

  it('lists the members of the chosen unit', () => {
    expect(unitMembers(targets, 'DEPARTMENT:3')).toEqual([{ id: 12, name: '城管处置员' }]);
    expect(unitMembers(targets, 'GRID:3')).toEqual([]);
    expect(unitMembers(targets, null)).toEqual([]);
  });

  it('groups departments first, then communities and grids', () => {
    expect(groupTargets(targets).map((g) => g.kind)).toEqual(['DEPARTMENT', 'COMMUNITY', 'GRID']);
  });
});

describe('queries', () => {
  it("turns el-table's sort into the server's sort parameter", () => {
    const keys = ['reportedAt', 'code'];
    expect(sortParam({ prop: 'reportedAt', order: 'descending' }, keys)).toBe('reportedAt,desc');
    expect(sortParam({ prop: 'code', order: 'ascending' }, keys)).toBe('code,asc');
    expect(sortParam({ prop: 'code', order: null }, keys)).toBeUndefined();
    expect(sortParam({ prop: 'content', order: 'ascending' }, keys)).toBeUndefined();
    expect(sortParam(null, keys)).toBeUndefined();
  });

  it('builds the filter query, leaving out what is not set', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-11-24T00:00:00Z');
    expect(
      filterQuery(
        {
          status: ['REPORTED', 'DISPATCHED'],
          categoryCode: 'CSGL',
          level: '',
          source: 'HOTLINE_12345',
          flag: 'RED',
          overdue: true,
          mine: false,
          keyword: ' 井盖 ',
        },
        [from, to],
        'deadline,asc',
      ),
    ).toEqual({
      status: ['REPORTED', 'DISPATCHED'],
      categoryCode: 'CSGL',
      level: undefined,
      source: 'HOTLINE_12345',
      flag: 'RED',
      overdue: true,
      mine: undefined,
      keyword: '井盖',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
      sort: 'deadline,asc',
    });
    const empty = filterQuery({ status: [], keyword: '' }, null);
    expect(Object.values(empty).every((v) => v === undefined)).toBe(true);
  });
});

describe('batch assignment errors', () => {
  const ids = [11, 12, 13];
  const codes: Record<number, string> = { 11: 'SJ001', 12: 'SJ002', 13: 'SJ003' };

  it('names each event that cannot be assigned', () => {
    const error = problem(409, {
      status: 409,
      detail: '2 个事件无法派遣',
      errors: [
        { field: 'eventIds[0]', message: '事件已结案' },
        { field: 'eventIds[2]', message: '不在您的管辖范围内' },
      ],
    });
    expect(assignmentErrors(error, ids, (id) => codes[id])).toEqual([
      { eventId: 11, code: 'SJ001', message: '事件已结案' },
      { eventId: 13, code: 'SJ003', message: '不在您的管辖范围内' },
    ]);
  });

  it('keeps errors about other fields without an event', () => {
    const error = problem(400, { errors: [{ field: 'targetUnitId', message: '必填' }] });
    expect(assignmentErrors(error, ids, (id) => codes[id])).toEqual([
      { eventId: null, code: '', message: '必填' },
    ]);
  });

  it('falls back to the id when the code is unknown', () => {
    const error = problem(409, { errors: [{ field: 'eventIds[1]', message: 'x' }] });
    expect(assignmentErrors(error, ids, () => undefined)[0].code).toBe('#12');
  });
});

describe('hours', () => {
  it('prints hours without noise', () => {
    expect(hours(24)).toBe('24');
    expect(hours(1.5)).toBe('1.5');
    expect(hours(2 / 3)).toBe('0.67');
    expect(hours(null)).toBe('—');
  });
});
