import { FINDING_CODES, SEVERITIES } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

describe('ops jobs and security labels', () => {
  it('names every finding code and severity in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const code of FINDING_CODES) {
        expect(messages.findings[code], code).toBeTruthy();
      }
      for (const severity of SEVERITIES) {
        expect(messages.severities[severity], severity).toBeTruthy();
      }
    }
  });

  it('uses the menu names of the ops console', () => {
    expect(zhCN.menu.root).toBe('运维管理');
    expect(zhCN.menu.jobs).toBe('定时任务');
    expect(zhCN.menu.security).toBe('安全检查');
  });
});
