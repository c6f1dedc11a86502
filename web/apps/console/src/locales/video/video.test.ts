import { CAMERA_STATUSES } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

describe('video labels', () => {
  it('names every camera status in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const status of CAMERA_STATUSES) {
        expect(messages.statuses[status], status).toBeTruthy();
      }
    }
  });
});
