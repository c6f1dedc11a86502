import {
  COLLECTION_TEXT_LIMITS,
  type CollectionAnswer,
  type CollectionAnswers,
  type CollectionField,
  type CollectionFieldType,
  type CollectionPoint,
  type CollectionRecord,
  type RegionNode,
  type User,
} from '@/api';

/** Pure helpers of the collection pages (表单模板, 采集任务, 审核, 采集记录). */

export const FIELD_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
export const FORM_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,31}$/;
export const MAX_FIELDS = 100;

const CHOICE_TYPES: readonly CollectionFieldType[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'];
const TEXT_TYPES: readonly CollectionFieldType[] = ['TEXT', 'LONG_TEXT'];

export const hasOptions = (type: CollectionFieldType) => CHOICE_TYPES.includes(type);
export const hasRange = (type: CollectionFieldType) => type === 'NUMBER';
export const hasMaxLength = (type: CollectionFieldType) => TEXT_TYPES.includes(type);

/** A field being edited in the designer: `uid` keys the list while keys are typed. */
export interface DraftField extends CollectionField {
  uid: number;
}

let nextUid = 1;

/** A new field for the designer: `field_<n>` (n the first free number), a plain text. */
export function newDraft(
  existing: readonly { key: string }[] = [],
  type: CollectionFieldType = 'TEXT',
): DraftField {
  const keys = new Set(existing.map((f) => f.key));
  let n = existing.length + 1;
  while (keys.has(`field_${n}`)) n++;
  return {
    uid: nextUid++,
    key: `field_${n}`,
    label: '',
    type,
    required: false,
    options: [],
    min: null,
    max: null,
    maxLength: null,
  };
}

/** The designer's copy of a form's fields (to publish its next version). */
export function toDrafts(fields: readonly CollectionField[]): DraftField[] {
  return fields.map((f) => ({
    uid: nextUid++,
    key: f.key,
    label: f.label,
    type: f.type,
    required: f.required === true,
    options: [...(f.options ?? [])],
    min: f.min ?? null,
    max: f.max ?? null,
    maxLength: f.maxLength ?? null,
  }));
}

const finite = (n: number | null | undefined) =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

/**
 * The definition sent to the server: keys and labels trimmed, and only the rules the type uses
 * (options for choices, min/max for numbers, maxLength for text), so a type switched back and
 * forth leaves nothing behind.
 */
export function buildFields(drafts: readonly CollectionField[]): CollectionField[] {
  return drafts.map((d) => ({
    key: d.key.trim(),
    label: d.label.trim(),
    type: d.type,
    required: d.required === true,
    options: hasOptions(d.type) ? d.options.map((o) => o.trim()).filter((o) => o !== '') : [],
    min: hasRange(d.type) ? finite(d.min) : null,
    max: hasRange(d.type) ? finite(d.max) : null,
    maxLength: hasMaxLength(d.type) ? finite(d.maxLength) : null,
  }));
}

/** What is wrong with a built definition, as i18n keys by error path (the server's `fields[i].x`). */
export type DefinitionProblems = Record<string, string>;

/**
 * The server's template checks, done before sending (the server checks again): 1–100 fields;
 * keys well-formed and distinct; labels 1–100 characters; choices with distinct options; min ≤
 * max; a positive maxLength.
 */
export function checkFields(fields: readonly CollectionField[]): DefinitionProblems {
  const problems: DefinitionProblems = {};
  if (fields.length === 0 || fields.length > MAX_FIELDS) problems.fields = 'fieldCount';
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = `fields[${i}].`;
    if (!FIELD_KEY_PATTERN.test(f.key)) problems[`${at}key`] = 'keyFormat';
    else if (seen.has(f.key)) problems[`${at}key`] = 'keyTwice';
    seen.add(f.key);
    if (!f.label || f.label.length > 100) problems[`${at}label`] = 'labelRequired';
    if (hasOptions(f.type)) {
      if (f.options.length === 0) problems[`${at}options`] = 'optionsRequired';
      else if (new Set(f.options).size !== f.options.length)
        problems[`${at}options`] = 'optionsTwice';
    }
    if (f.min != null && f.max != null && f.min > f.max) problems[`${at}min`] = 'minAboveMax';
    if (f.maxLength != null && (f.maxLength < 1 || !Number.isInteger(f.maxLength))) {
      problems[`${at}maxLength`] = 'maxLengthPositive';
    }
  });
  return problems;
}

/** The field errors `fields[i].<prop>` (server or client) of field `i`, by prop. */
export function errorsOfField(errors: Record<string, string>, index: number) {
  const prefix = `fields[${index}].`;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = message;
  }
  return out;
}

/** An error about the list as a whole (`fields`), not one copied up from a field's own error. */
export function listError(errors: Record<string, string>): string {
  const nested = Object.keys(errors).some((k) => k.startsWith('fields['));
  return nested ? '' : (errors.fields ?? '');
}

/** Moves item `index` by `delta` (−1 up, +1 down) in a new array; out of range: unchanged. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return out;
  const [item] = out.splice(index, 1);
  out.splice(target, 0, item);
  return out;
}

/** The text limit of a text field (its own or the server's default). */
export function textLimit(field: CollectionField): number | undefined {
  return field.maxLength ?? COLLECTION_TEXT_LIMITS[field.type];
}

/** Empty answers for a form preview, one per field, of the type's shape. */
export function emptyAnswers(fields: readonly CollectionField[]): CollectionAnswers {
  const out: CollectionAnswers = {};
  for (const f of fields) {
    out[f.key] = f.type === 'MULTIPLE_CHOICE' || f.type === 'PHOTO' ? [] : null;
  }
  return out;
}

/** The thumbnail (our own JPEG, safe inline) and the download of a stored file. */
export const thumbnailUrl = (fileId: number) => `/api/v1/files/${fileId}/thumbnail`;
export const fileUrl = (fileId: number) => `/api/v1/files/${fileId}`;

/** One answer shaped for display. */
export type AnswerView =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; mono?: boolean; multiline?: boolean }
  | { kind: 'choices'; items: string[] }
  | { kind: 'photos'; ids: number[] }
  | { kind: 'location'; point: CollectionPoint }
  | { kind: 'datetime'; value: string };

function isPoint(v: unknown): v is CollectionPoint {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as CollectionPoint).lon === 'number' &&
    typeof (v as CollectionPoint).lat === 'number'
  );
}

/** How to show `value` as an answer to `field` (the ID number and phone as the server sent them). */
export function answerView(
  type: CollectionFieldType | null,
  value: CollectionAnswer | undefined,
): AnswerView {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return { kind: 'empty' };
  }
  switch (type) {
    case 'MULTIPLE_CHOICE':
      return { kind: 'choices', items: (Array.isArray(value) ? value : [value]).map(String) };
    case 'SINGLE_CHOICE':
      return { kind: 'choices', items: [String(value)] };
    case 'PHOTO':
      return {
        kind: 'photos',
        ids: (Array.isArray(value) ? value : [value]).filter(
          (id): id is number => typeof id === 'number',
        ),
      };
    case 'LOCATION':
      return isPoint(value)
        ? { kind: 'location', point: value }
        : { kind: 'text', text: String(value) };
    case 'DATETIME':
      return { kind: 'datetime', value: String(value) };
    case 'ID_CARD':
    case 'PHONE':
      return { kind: 'text', text: String(value), mono: true };
    case 'NUMBER':
      return { kind: 'text', text: String(value), mono: true };
    case 'LONG_TEXT':
      return { kind: 'text', text: String(value), multiline: true };
    default:
      return raw(value);
  }
}

/** An answer whose field is unknown (another version's): a place as a place, the rest as text. */
function raw(value: CollectionAnswer): AnswerView {
  if (isPoint(value)) return { kind: 'location', point: value };
  if (typeof value === 'string' || typeof value === 'number') {
    return { kind: 'text', text: String(value) };
  }
  return { kind: 'text', text: JSON.stringify(value), mono: true };
}

export interface AnswerRow {
  key: string;
  label: string;
  type: CollectionFieldType | null;
  view: AnswerView;
}

/**
 * The record's answers in the order of the definition, then any answer the definition does not
 * know (e.g. the record was filled in another version), under its key.
 */
export function answerRows(
  fields: readonly CollectionField[],
  answers: CollectionAnswers | null | undefined,
): AnswerRow[] {
  const given = answers ?? {};
  const rows: AnswerRow[] = fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    view: answerView(f.type, given[f.key]),
  }));
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      rows.push({ key, label: key, type: null, view: answerView(null, given[key]) });
  }
  return rows;
}

/** Whether the record can be reviewed now (submitted, by a reviewer). */
export function canReview(record: Pick<CollectionRecord, 'status'> | null, reviewer: boolean) {
  return reviewer && record?.status === 'SUBMITTED';
}

/** The tag colour of a record status. */
export function statusTagType(status: string): 'warning' | 'danger' | 'success' | 'info' {
  switch (status) {
    case 'SUBMITTED':
      return 'warning';
    case 'RETURNED':
      return 'danger';
    case 'APPROVED':
      return 'success';
    default:
      return 'info';
  }
}

/** The timeline colour of a review step. */
export function stepType(action: string): 'primary' | 'danger' | 'success' | 'info' {
  switch (action) {
    case 'SUBMIT':
    case 'RESUBMIT':
      return 'primary';
    case 'RETURN':
      return 'danger';
    case 'APPROVE':
      return 'success';
    default:
      return 'info';
  }
}

/** Today in Asia/Shanghai as `YYYY-MM-DD` (a campaign's due date may not be earlier). */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The ids of a region and of every region under it. */
export function subtreeIds(node: RegionNode | null): Set<number> {
  const ids = new Set<number>();
  const walk = (n: RegionNode) => {
    ids.add(n.id);
    (n.children ?? []).forEach(walk);
  };
  if (node) walk(node);
  return ids;
}

/** The enabled grid workers placed in the region or under it (who may collect for a campaign there). */
export function workersIn<U extends Pick<User, 'roles' | 'enabled' | 'scopeRegionId'>>(
  users: readonly U[],
  region: RegionNode | null,
): U[] {
  const ids = subtreeIds(region);
  return users.filter(
    (u) =>
      u.enabled &&
      u.roles.includes('GRID_WORKER') &&
      u.scopeRegionId != null &&
      ids.has(u.scopeRegionId),
  );
}
