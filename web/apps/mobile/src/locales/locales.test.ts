import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

const keys = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('locales', () => {
  it('has every text in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
