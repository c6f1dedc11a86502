import {
  PARTY_ACTIVITY_TYPES,
  PARTY_MEMBER_STATUSES,
  PARTY_ORGANIZATION_TYPES,
} from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

/** The keys of a nested message object, as dotted paths. */
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('party labels', () => {
  it('names every organisation type, member status and activity type in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const type of PARTY_ORGANIZATION_TYPES) expect(messages.types[type], type).toBeTruthy();
      for (const status of PARTY_MEMBER_STATUSES) {
        expect(messages.statuses[status], status).toBeTruthy();
      }
      for (const type of PARTY_ACTIVITY_TYPES) {
        expect(messages.activityTypes[type], type).toBeTruthy();
      }
    }
  });

  it('has the same labels in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('uses the standard Chinese names of the organisation levels', () => {
    expect(Object.values(zhCN.types)).toEqual(['党委', '党总支', '党支部', '党小组']);
  });
});
