import {
  EVENT_ACTIONS,
  EVENT_LEVELS,
  EVENT_SOURCES,
  EVENT_STATUSES,
  toApiError,
  type DeadlineFlag,
  type DispatchTarget,
  type EventActionCode,
  type EventActionRequest,
  type EventLevel,
  type EventSource,
  type EventStatus,
  type FlowEntry,
  type UnitKind,
} from '@/api';

/** Element Plus tag colours. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** How a status tag looks: open work in blue/orange, finished green, rejected grey. */
export function statusTag(status: EventStatus | string): {
  type: TagType;
  effect: 'light' | 'dark';
} {
  switch (status) {
    case 'REPORTED':
      return { type: 'warning', effect: 'light' };
    case 'DISPATCHED':
      return { type: 'primary', effect: 'light' };
    case 'IN_PROGRESS':
      return { type: 'primary', effect: 'dark' };
    case 'RESOLVED':
      return { type: 'success', effect: 'light' };
    case 'CLOSED':
      return { type: 'success', effect: 'dark' };
    default:
      return { type: 'info', effect: 'light' };
  }
}

/** Tag colour of a deadline flag; none for `NONE` (nothing to draw). */
export function flagTagType(flag: DeadlineFlag | string | null | undefined): TagType | null {
  if (flag === 'RED') return 'danger';
  if (flag === 'YELLOW') return 'warning';
  return null;
}

/** Table row class for red/yellow highlighting (styled in styles/index.css). */
export function flagRowClass(flag: DeadlineFlag | string | null | undefined): string {
  if (flag === 'RED') return 'row-flag-red';
  if (flag === 'YELLOW') return 'row-flag-yellow';
  return '';
}

/** True for statuses in which the case is still open (deadlines matter). */
export function isOpen(status: EventStatus | string): boolean {
  return status !== 'CLOSED' && status !== 'REJECTED';
}

export type ButtonType = 'primary' | 'success' | 'warning' | 'danger' | 'default';

/** Colour of an action button: moving forward is primary, sending back warning, refusing danger. */
export function actionButtonType(action: EventActionCode): ButtonType {
  switch (action) {
    case 'accept':
    case 'dispatch':
    case 'sign':
    case 'resolve':
    case 'verify':
    case 'self-handle':
      return 'primary';
    case 'evaluate':
      return 'success';
    case 'return':
    case 'escalate':
    case 'supervise':
      return 'warning';
    case 'reject':
      return 'danger';
    default:
      return 'default';
  }
}

/**
 * The buttons for the actions the server allows, in the workflow's order (forward steps first,
 * then sending back, refusing and merging); unknown codes from a newer server are dropped.
 */
export function actionButtons(
  allowed: readonly string[] | null | undefined,
): { action: EventActionCode; type: ButtonType }[] {
  const set = new Set(allowed ?? []);
  return EVENT_ACTIONS.filter((action) => set.has(action)).map((action) => ({
    action,
    type: actionButtonType(action),
  }));
}

/**
 * The board's row buttons (7.2.6: 操作 = 受理 / 派遣 / 详情 …): the main forward action as a button
 * (派遣 first, it is what the board is for), the rest under "more".
 */
export function splitRowActions(
  allowed: readonly string[] | null | undefined,
  inline = 1,
): { inline: EventActionCode[]; more: EventActionCode[] } {
  const ordered = actionButtons(allowed).map((b) => b.action);
  const forward = ordered.filter((a) => actionButtonType(a) === 'primary');
  forward.sort((a, b) => Number(b === 'dispatch') - Number(a === 'dispatch'));
  const shown = forward.slice(0, inline);
  return { inline: shown, more: ordered.filter((a) => !shown.includes(a)) };
}

/** What an action's dialog asks for. */
export interface ActionFormSpec {
  /** the text field: none, optional, required, or required only when verification fails */
  comment: 'none' | 'optional' | 'required' | 'ifFailed';
  /** i18n key (under `eventForm`) of the text field's label */
  commentLabel: 'comment' | 'reason' | 'result' | 'opinion';
  /** a unit to hand the case to */
  target: 'none' | 'optional' | 'required';
  /** a person of that unit and a deadline (dispatch) */
  assignee: boolean;
  deadline: boolean;
  files: boolean;
  passed: boolean;
  score: boolean;
  mergeTarget: boolean;
}

const NONE: ActionFormSpec = {
  comment: 'optional',
  commentLabel: 'comment',
  target: 'none',
  assignee: false,
  deadline: false,
  files: false,
  passed: false,
  score: false,
  mergeTarget: false,
};

/** The dialog of each action, following the contract's required fields (docs/api/events.md). */
export function actionForm(action: EventActionCode): ActionFormSpec {
  switch (action) {
    case 'dispatch':
      return { ...NONE, target: 'required', assignee: true, deadline: true };
    case 'resolve':
    case 'self-handle':
      return { ...NONE, comment: 'required', commentLabel: 'result', files: true };
    case 'verify':
      return { ...NONE, comment: 'ifFailed', commentLabel: 'opinion', passed: true, files: true };
    case 'return':
    case 'reject':
      return { ...NONE, comment: 'required', commentLabel: 'reason' };
    case 'escalate':
      return { ...NONE, comment: 'required', commentLabel: 'reason', target: 'optional' };
    case 'supervise':
      return { ...NONE, comment: 'required', commentLabel: 'opinion' };
    case 'evaluate':
      return { ...NONE, commentLabel: 'opinion', score: true };
    case 'merge':
      return { ...NONE, mergeTarget: true };
    default:
      return NONE;
  }
}

/** What the action dialog holds. */
export interface ActionFormValues {
  comment: string;
  /** `KIND:id`, see {@link unitValue} */
  target: string | null;
  assigneeId: number | null;
  deadline: Date | null;
  fileIds: number[];
  passed: boolean | null;
  score: number;
  targetEventId: number | null;
}

/** The request body of an action: only the fields that action uses, plus the version. */
export function actionRequest(
  action: EventActionCode,
  form: ActionFormValues,
  version?: number,
): EventActionRequest {
  const spec = actionForm(action);
  const body: EventActionRequest = {};
  const comment = form.comment.trim();
  if (spec.comment !== 'none' && comment) body.comment = comment;
  if (spec.target !== 'none') {
    const unit = parseUnitValue(form.target);
    if (unit) {
      body.targetUnitKind = unit.kind;
      body.targetUnitId = unit.id;
    }
  }
  if (spec.assignee && form.assigneeId != null) body.assigneeId = form.assigneeId;
  if (spec.deadline && form.deadline) body.deadline = form.deadline.toISOString();
  if (spec.files && form.fileIds.length) body.fileIds = [...form.fileIds];
  if (spec.passed && form.passed != null) body.passed = form.passed;
  if (spec.score) body.score = form.score;
  if (spec.mergeTarget && form.targetEventId != null) body.targetEventId = form.targetEventId;
  if (version != null) body.version = version;
  return body;
}

/** A unit as one select value: `DEPARTMENT:3`. */
export function unitValue(unit: { kind: UnitKind | string; id: number }): string {
  return `${unit.kind}:${unit.id}`;
}

export function parseUnitValue(
  value: string | null | undefined,
): { kind: UnitKind; id: number } | null {
  if (!value) return null;
  const at = value.lastIndexOf(':');
  const id = Number(value.slice(at + 1));
  if (at <= 0 || !Number.isInteger(id)) return null;
  return { kind: value.slice(0, at) as UnitKind, id };
}

/** The members of the chosen unit (people to assign). */
export function unitMembers(
  targets: readonly DispatchTarget[],
  value: string | null | undefined,
): { id: number; name: string }[] {
  const unit = parseUnitValue(value);
  if (!unit) return [];
  return targets.find((t) => t.kind === unit.kind && t.id === unit.id)?.members ?? [];
}

/** Dispatch targets grouped by kind in the order departments, town centre, communities, grids. */
export function groupTargets(
  targets: readonly DispatchTarget[],
): { kind: UnitKind; units: DispatchTarget[] }[] {
  const order: UnitKind[] = ['DEPARTMENT', 'TOWN_CENTRE', 'COMMUNITY', 'GRID'];
  return order
    .map((kind) => ({ kind, units: targets.filter((t) => t.kind === kind) }))
    .filter((group) => group.units.length > 0);
}

/** el-table's `sort-change` as the server's `sort=key,asc|desc`, only for sortable keys. */
export function sortParam(
  sort: { prop?: string | null; order?: string | null } | null | undefined,
  allowed: readonly string[],
): string | undefined {
  if (!sort?.prop || !sort.order || !allowed.includes(sort.prop)) return undefined;
  if (sort.order === 'ascending') return `${sort.prop},asc`;
  if (sort.order === 'descending') return `${sort.prop},desc`;
  return undefined;
}

/** The filters of the event list and the board. */
export interface EventFilters {
  status: EventStatus[];
  categoryCode: string | null;
  level: EventLevel | '';
  source: EventSource | '';
  flag: DeadlineFlag | '';
  overdue: boolean;
  mine: boolean;
  keyword: string;
}

/** Filters plus time range as query fields (empty ones are dropped later by queryParams). */
export function filterQuery(
  filters: Partial<EventFilters>,
  range: readonly [Date, Date] | null | undefined,
  sort?: string,
) {
  return {
    status: filters.status?.length ? [...filters.status] : undefined,
    categoryCode: filters.categoryCode || undefined,
    level: filters.level || undefined,
    source: filters.source || undefined,
    flag: filters.flag || undefined,
    overdue: filters.overdue || undefined,
    mine: filters.mine || undefined,
    keyword: filters.keyword?.trim() || undefined,
    from: range?.[0]?.toISOString(),
    to: range?.[1]?.toISOString(),
    sort,
  };
}

/** What the event list takes from its route query (a statistics drill, a shared link). */
export interface EventListLink {
  filters: Partial<EventFilters>;
  range: [Date, Date] | null;
  regionId: number | null;
}

/**
 * Reads `/events?status=A,B&level=&source=&categoryCode=&flag=&overdue=true&mine=true&keyword=
 * &regionId=&from=&to=` (ISO instants): unknown codes and bad values are left out.
 */
export function filtersFromQuery(query: Record<string, unknown>): EventListLink {
  const one = (key: string): string => {
    const value = query[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const pick = <T extends string>(value: string, allowed: readonly T[]): T | undefined =>
    (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  const filters: Partial<EventFilters> = {};
  const statuses = one('status')
    .split(',')
    .map((s) => pick(s.trim(), EVENT_STATUSES))
    .filter((s): s is EventStatus => !!s);
  if (statuses.length) filters.status = statuses;
  const level = pick(one('level'), EVENT_LEVELS);
  if (level) filters.level = level;
  const source = pick(one('source'), EVENT_SOURCES);
  if (source) filters.source = source;
  const flag = pick(one('flag'), ['YELLOW', 'RED'] as DeadlineFlag[]);
  if (flag) filters.flag = flag;
  if (one('categoryCode')) filters.categoryCode = one('categoryCode');
  if (one('keyword')) filters.keyword = one('keyword');
  if (one('overdue') === 'true') filters.overdue = true;
  if (one('mine') === 'true') filters.mine = true;
  const from = one('from') ? new Date(one('from')) : null;
  const to = one('to') ? new Date(one('to')) : null;
  const valid = (d: Date | null): d is Date => !!d && !Number.isNaN(d.getTime());
  const range: [Date, Date] | null =
    valid(from) || valid(to)
      ? [valid(from) ? from : new Date(0), valid(to) ? to : new Date()]
      : null;
  const regionId = /^\d+$/.test(one('regionId')) ? Number(one('regionId')) : null;
  return { filters, range, regionId };
}

/**
 * Per-event failures of a batch assignment: the problem's `errors` name `eventIds[i]` (or an
 * `eventId`); each becomes the event's code and message. Errors naming no event are kept with
 * an empty code.
 */
export function assignmentErrors(
  error: unknown,
  eventIds: readonly number[],
  codeOf: (id: number) => string | undefined,
): { eventId: number | null; code: string; message: string }[] {
  const problem = toApiError(error).problem;
  return (problem.errors ?? []).map(({ field, message }) => {
    const match = /^eventIds\[(\d+)\]/.exec(field) ?? /^events?\[(\d+)\]/.exec(field);
    const eventId = match ? (eventIds[Number(match[1])] ?? null) : null;
    return {
      eventId,
      code: eventId != null ? (codeOf(eventId) ?? `#${eventId}`) : '',
      message,
    };
  });
}

/** Colour of a flow step on the timeline. */
export function flowType(entry: Pick<FlowEntry, 'action' | 'toStatus'>): TagType {
  switch (entry.action) {
    case 'report':
      return 'primary';
    case 'reject':
      return 'danger';
    case 'return':
    case 'escalate':
    case 'supervise':
      return 'warning';
    case 'verify':
      return entry.toStatus === 'CLOSED' ? 'success' : 'danger';
    case 'resolve':
    case 'self-handle':
    case 'evaluate':
      return 'success';
    case 'merge':
      return 'info';
    default:
      return 'primary';
  }
}

/** Hours as a short text: 1.5 → "1.5", 24 → "24". */
export function hours(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '—';
  return String(Math.round(value * 100) / 100);
}
