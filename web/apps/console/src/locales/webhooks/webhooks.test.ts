import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, webhookTypeKey } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

describe('webhook labels', () => {
  it('names every event type and delivery status in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const type of WEBHOOK_EVENT_TYPES) {
        expect(messages.types[webhookTypeKey(type)], type).toBeTruthy();
      }
      for (const status of DELIVERY_STATUSES) {
        expect(messages.statuses[status], status).toBeTruthy();
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
