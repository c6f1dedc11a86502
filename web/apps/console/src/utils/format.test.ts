import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDateTime, localMessage } from './format';

describe('formatShortDateTime', () => {
  const now = new Date('2026-11-24T10:00:00Z');

  it('drops the year and seconds within this year (Asia/Shanghai)', () => {
    expect(formatShortDateTime('2026-11-24T10:09:05Z', now)).toBe('11-24 18:09');
  });

  it('keeps the year of another year, judged in Asia/Shanghai', () => {
    // 17:00 UTC on New Year's Eve is already 2026 in Shanghai
    expect(formatShortDateTime('2025-12-31T17:00:00Z', now)).toBe('01-01 01:00');
    expect(formatShortDateTime('2024-03-01T00:00:00Z', now)).toBe('2024-03-01 08:00');
  });

  it('shows a dash for nothing', () => {
    expect(formatShortDateTime(null, now)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});

describe('localMessage', () => {
  it('picks the reader’s half of a bilingual reason', () => {
    const reason = 'wrong check character / 校验码错误';
    expect(localMessage(reason, 'zh-CN')).toBe('校验码错误');
    expect(localMessage(reason, 'en')).toBe('wrong check character');
    expect(localMessage('a / b', 'zh-CN')).toBe('a / b');
    expect(localMessage('只有中文', 'en')).toBe('只有中文');
    expect(localMessage(null, 'en')).toBe('');
  });
});
