import { OPEN_SCOPES } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

describe('open platform labels', () => {
  it('names every scope in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const scope of OPEN_SCOPES) {
        expect(messages.scopes[scope], scope).toBeTruthy();
      }
    }
  });

  it('has the same keys in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
