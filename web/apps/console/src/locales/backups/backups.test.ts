import { BACKUP_STATUSES, DRILL_STATUSES } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

describe('backup labels', () => {
  it('names every backup and drill status in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const status of BACKUP_STATUSES) expect(messages.statuses[status], status).toBeTruthy();
      for (const status of DRILL_STATUSES)
        expect(messages.drillStatuses[status], status).toBeTruthy();
    }
  });
});
