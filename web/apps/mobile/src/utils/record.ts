import type { CollectionAnswers, CollectionField, CollectionRecordStatus } from '@govgrid/api';
import { localDateTime } from './datetime';

/** Vant tag types of the record statuses. */
export const RECORD_STATUS_TAG: Record<CollectionRecordStatus, 'primary' | 'success' | 'danger'> = {
  SUBMITTED: 'primary',
  RETURNED: 'danger',
  APPROVED: 'success',
};

/**
 * An answer as text for the record page (photos are drawn apart): choices joined, a location
 * as coordinates, a time in the phone's zone.
 */
export function answerText(field: CollectionField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  switch (field.type) {
    case 'MULTIPLE_CHOICE':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'LOCATION': {
      const p = value as { lon?: number; lat?: number };
      return typeof p.lon === 'number' && typeof p.lat === 'number'
        ? `${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}`
        : '–';
    }
    case 'DATETIME':
      return localDateTime(String(value)) || String(value);
    case 'PHOTO':
      return Array.isArray(value) ? String(value.length) : '–';
    default:
      return String(value);
  }
}

/** The photo ids of a PHOTO answer. */
export function photoIds(answers: CollectionAnswers, key: string): number[] {
  const value = answers[key];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}
