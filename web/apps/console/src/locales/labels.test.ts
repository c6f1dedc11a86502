import {
  DEADLINE_FLAGS,
  EVENT_ACTIONS,
  EVENT_LEVELS,
  EVENT_SOURCES,
  EVENT_STATUSES,
  PATROL_ITEM_RESULTS,
  PATROL_STATUSES,
  ROUTING_TARGET_KINDS,
  TASK_STATUSES,
} from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

const codeLists: [keyof typeof zhCN, readonly string[]][] = [
  ['eventStatus', EVENT_STATUSES],
  ['eventSource', EVENT_SOURCES],
  ['eventLevel', EVENT_LEVELS],
  ['flag', DEADLINE_FLAGS],
  ['eventAction', [...EVENT_ACTIONS, 'report']],
  ['routingTarget', ROUTING_TARGET_KINDS],
  ['taskStatus', TASK_STATUSES],
  ['unitKind', ['GRID', 'COMMUNITY', 'TOWN_CENTRE', 'DEPARTMENT']],
  ['handlingLevel', ['GRID', 'COMMUNITY', 'TOWN', 'DEPARTMENT']],
  ['patrolStatus', PATROL_STATUSES],
  ['patrolResult', PATROL_ITEM_RESULTS],
];

describe('labels of the event codes', () => {
  it.each(codeLists)('every %s code has a label in both languages', (section, codes) => {
    for (const messages of [zhCN, en]) {
      const labels = messages[section] as Record<string, string>;
      for (const code of codes) {
        expect(labels[code], `${String(section)}.${code}`).toBeTruthy();
      }
    }
  });

  it('uses the contract’s Chinese names', () => {
    expect(zhCN.eventStatus.RESOLVED).toBe('待核查');
    expect(zhCN.eventSource.HOTLINE_12345).toBe('12345热线');
    expect(zhCN.eventAction.dispatch).toBe('派遣');
  });

  it('names the dispatch board columns exactly as standard 7.2.6 does', () => {
    expect(Object.values(zhCN.board.columns)).toEqual([
      '编号',
      '上报人',
      '联系电话',
      '上报时间',
      '上报内容',
      '超时时间',
      '事件状态',
      '事件来源',
      '操作',
    ]);
  });
});
