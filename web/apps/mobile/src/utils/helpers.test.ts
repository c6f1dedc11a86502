import type { EventCategory, EventItem } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import { actionBody, workerButtons } from './actions';
import { categoryOptions, categoryPath, queueLabel, toVerify } from './event';

const tree: EventCategory[] = [
  {
    code: 'CSGL',
    name: '城市管理',
    defaultLevel: 'GENERAL',
    acceptanceHours: 2,
    disposalHours: 24,
    children: [
      {
        code: 'CSGL-01',
        name: '占道经营',
        defaultLevel: 'GENERAL',
        acceptanceHours: 2,
        disposalHours: 24,
        children: [],
      },
      {
        code: 'CSGL-09',
        name: '停用',
        defaultLevel: 'GENERAL',
        acceptanceHours: 2,
        disposalHours: 24,
        enabled: false,
        children: [],
      },
    ],
  },
];

describe('categories', () => {
  it('become two-level cascader options without the disabled ones', () => {
    expect(categoryOptions(tree)).toEqual([
      { text: '城市管理', value: 'CSGL', children: [{ text: '占道经营', value: 'CSGL-01' }] },
    ]);
  });

  it('are shown as 大类 / 小类', () => {
    expect(categoryPath(tree, 'CSGL-01')).toBe('城市管理 / 占道经营');
    expect(categoryPath(tree, 'CSGL')).toBe('城市管理');
    expect(categoryPath(tree, 'X')).toBeNull();
  });
});

describe('worker actions', () => {
  it('turn allowed actions into buttons, verify into pass and fail', () => {
    expect(workerButtons(['verify', 'supervise', 'escalate'])).toEqual([
      'verifyPass',
      'verifyFail',
      'escalate',
    ]);
    expect(workerButtons(['accept', 'dispatch'])).toEqual([]);
  });

  it('build the request bodies', () => {
    expect(actionBody('verifyPass', '')).toEqual({ passed: true });
    expect(actionBody('verifyFail', ' 仍有摊位 ')).toEqual({ passed: false, comment: '仍有摊位' });
    expect(actionBody('sign', 'ignored')).toEqual({});
    expect(actionBody('escalate', '需要城管')).toEqual({ comment: '需要城管' });
  });
});

describe('helpers', () => {
  it('finds the events waiting for my verification', () => {
    const e = (id: number, status: EventItem['status'], reporterName: string) =>
      ({ id, status, reporterName }) as EventItem;
    const items = [
      e(1, 'RESOLVED', '网格员一'),
      e(2, 'RESOLVED', '别人'),
      e(3, 'CLOSED', '网格员一'),
    ];
    expect(toVerify(items, { displayName: '网格员一' }).map((i) => i.id)).toEqual([1]);
  });

  it('labels queue entries briefly', () => {
    expect(queueLabel('占道经营', '  路口 有人\n摆摊  ')).toBe('占道经营：路口 有人 摆摊');
    expect(queueLabel(null, 'x'.repeat(30))).toBe(`${'x'.repeat(24)}…`);
  });
});
