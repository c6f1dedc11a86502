import { APPEAL_TYPES, HOTLINE_STATUSES, SATISFACTIONS } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

describe('hotline labels', () => {
  it('names every appeal type, status and satisfaction in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const code of APPEAL_TYPES) expect(messages.appealTypes[code], code).toBeTruthy();
      for (const code of HOTLINE_STATUSES) expect(messages.statuses[code], code).toBeTruthy();
      for (const code of SATISFACTIONS) expect(messages.satisfactions[code], code).toBeTruthy();
    }
  });

  it('uses the 12345 names of the appeal types and answers', () => {
    expect(Object.values(zhCN.appealTypes)).toEqual(['投诉', '求助', '咨询', '建议', '举报']);
    expect(Object.values(zhCN.satisfactions)).toEqual(['满意', '基本满意', '不满意']);
  });

  it('has the same keys in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
