import {
  COLLECTION_TEXT_LIMITS,
  PHONE_PATTERN,
  validIdNumber,
  type CollectionAnswers,
  type CollectionField,
} from '@govgrid/api';

// The ID number and phone checks are shared with the console (`@govgrid/api` identifiers).
export { PHONE_PATTERN, validIdNumber } from '@govgrid/api';

export function maxLength(field: CollectionField): number | null {
  if (field.type !== 'TEXT' && field.type !== 'LONG_TEXT') return null;
  return field.maxLength ?? COLLECTION_TEXT_LIMITS[field.type] ?? null;
}

/** Nothing given: null, a blank text or an empty list. */
export function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Why an answer breaks its field's rules (a message key and its values), or null. */
export type FieldProblem = { key: string; values?: Record<string, unknown> } | null;

/**
 * The client-side twin of the server's `FormDefinition.validate`: the same rules, so a record
 * is refused on the phone before it goes into the queue. `hasPhotos`: the PHOTO field has
 * photos waiting to be uploaded (their ids are not in the answer yet).
 */
export function checkAnswer(
  field: CollectionField,
  value: unknown,
  hasPhotos = false,
): FieldProblem {
  if (field.type === 'PHOTO' && hasPhotos) return null;
  if (isEmpty(value)) return field.required ? { key: 'collect.error.required' } : null;
  switch (field.type) {
    case 'TEXT':
    case 'LONG_TEXT': {
      const limit = maxLength(field) as number;
      if (typeof value !== 'string') return { key: 'collect.error.text' };
      return value.length > limit ? { key: 'collect.error.tooLong', values: { n: limit } } : null;
    }
    case 'NUMBER': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { key: 'collect.error.number' };
      }
      if (field.min != null && value < field.min) {
        return { key: 'collect.error.min', values: { n: field.min } };
      }
      if (field.max != null && value > field.max) {
        return { key: 'collect.error.max', values: { n: field.max } };
      }
      return null;
    }
    case 'DATETIME':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? null
        : { key: 'collect.error.datetime' };
    case 'SINGLE_CHOICE':
      return typeof value === 'string' && field.options.includes(value)
        ? null
        : { key: 'collect.error.choice' };
    case 'MULTIPLE_CHOICE':
      return Array.isArray(value) && value.every((v) => field.options.includes(v as string))
        ? null
        : { key: 'collect.error.choice' };
    case 'LOCATION': {
      const p = value as { lon?: unknown; lat?: unknown };
      return typeof p === 'object' &&
        typeof p.lon === 'number' &&
        typeof p.lat === 'number' &&
        Math.abs(p.lon) <= 180 &&
        Math.abs(p.lat) <= 90
        ? null
        : { key: 'collect.error.location' };
    }
    case 'PHOTO':
      return Array.isArray(value) && value.every((v) => typeof v === 'number')
        ? null
        : { key: 'collect.error.photo' };
    case 'ID_CARD':
      return typeof value === 'string' && validIdNumber(value)
        ? null
        : { key: 'collect.error.idCard' };
    case 'PHONE':
      return typeof value === 'string' && PHONE_PATTERN.test(value)
        ? null
        : { key: 'collect.error.phone' };
  }
  return null;
}

/**
 * The answers to send: only the form's keys, texts trimmed, empty answers left out (the server
 * treats a missing answer and an empty one alike).
 */
export function cleanAnswers(
  fields: readonly CollectionField[],
  answers: CollectionAnswers,
): CollectionAnswers {
  const out: CollectionAnswers = {};
  for (const field of fields) {
    let value = answers[field.key];
    if (typeof value === 'string') value = value.trim();
    if (field.type === 'ID_CARD' && typeof value === 'string') value = value.toUpperCase();
    if (!isEmpty(value)) out[field.key] = value;
  }
  return out;
}

/** The server's field errors of a record (`answers.<key>`) by field key; the rest under `''`. */
export function answerErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    // the root `answers` repeats every answer's message
    if (field === 'answers') continue;
    const key = field.startsWith('answers.') ? field.slice('answers.'.length) : '';
    out[key] = out[key] ? `${out[key]}；${message}` : message;
  }
  return out;
}
