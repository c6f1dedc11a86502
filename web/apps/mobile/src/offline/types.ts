import type {
  CollectionAnswers,
  CollectionRecordRequest,
  EventActionCode,
  EventActionRequest,
  EventReportRequest,
  PartyActivityReport,
  PatrolItemRequest,
  PatrolPosition,
  PatrolTrackPoint,
} from '@govgrid/api';

/** A photo waiting in the queue: the blob itself until it is uploaded, then its file id. */
export interface QueuedPhoto {
  name: string;
  type: string;
  blob: Blob;
  fileId?: number;
  /** the answer (PHOTO field) of a collection record the photo belongs to */
  field?: string;
}

/**
 * - `pending`: waits for the network (or for its next try after a failure)
 * - `invalid`: the server said 400 (需修改) — kept with the field errors until the worker edits it
 * - `failed`: refused for good (409, 404, 403…) — kept until the worker discards it
 */
export type QueueStatus = 'pending' | 'invalid' | 'failed';

/** What to do to the event once the report is in (自处置 right after 上报). */
export interface FollowUp {
  action: EventActionCode;
  body: EventActionRequest;
}

interface QueueItemBase {
  /** the idempotency key of the write, also the queue key */
  id: string;
  /** ms since epoch; the queue is replayed in this order */
  createdAt: number;
  status: QueueStatus;
  attempts: number;
  /** ms since epoch before which the item is not retried (back-off) */
  nextAttemptAt: number;
  lastError?: string;
  fieldErrors?: Record<string, string>;
  photos: QueuedPhoto[];
  /** a short text for the list ("占道经营：description…") */
  label: string;
}

export interface ReportItem extends QueueItemBase {
  kind: 'report';
  /** without `fileIds`: those come from the uploaded photos */
  report: EventReportRequest;
  followUp?: FollowUp;
}

export interface ActionItem extends QueueItemBase {
  kind: 'action';
  eventId: number;
  action: EventActionCode;
  /** without `fileIds`: those come from the uploaded photos */
  body: EventActionRequest;
}

/** A batch of a patrol's GPS points; the item id is the batch key. */
export interface TrackItem extends QueueItemBase {
  kind: 'track';
  patrolId: number;
  points: PatrolTrackPoint[];
}

/** One checklist item of a patrol (正常 / 有问题 with its photos). */
export interface PatrolItemItem extends QueueItemBase {
  kind: 'patrolItem';
  patrolId: number;
  /** without `fileIds`: those come from the uploaded photos */
  body: PatrolItemRequest;
}

/** 结束巡查: queued after the patrol's last track batch, so it is sent after them. */
export interface PatrolFinishItem extends QueueItemBase {
  kind: 'patrolFinish';
  patrolId: number;
  end: PatrolPosition;
}

/**
 * A collection record (信息采集); the item id is its `Idempotency-Key`. The answers of PHOTO
 * fields hold the ids of photos already on the server; the queued photos (`field` = the key)
 * are added to them once uploaded.
 */
export interface RecordItem extends QueueItemBase {
  kind: 'record';
  /** the form's name, for the list and the edit link */
  formName: string;
  record: CollectionRecordRequest;
}

/** New answers to a record the reviewer returned (退回); photos as for a record. */
export interface ResubmitItem extends QueueItemBase {
  kind: 'resubmit';
  formName: string;
  formId: number;
  recordId: number;
  answers: CollectionAnswers;
}

/** A party activity (党建活动); the item id is its `Idempotency-Key`. */
export interface PartyActivityItem extends QueueItemBase {
  kind: 'partyActivity';
  /** the organisation's name, for the list */
  organizationName: string;
  /** without `fileIds`: those come from the uploaded photos and videos */
  activity: PartyActivityReport;
}

export type QueueItem =
  | ReportItem
  | PartyActivityItem
  | ActionItem
  | TrackItem
  | PatrolItemItem
  | PatrolFinishItem
  | RecordItem
  | ResubmitItem;

export type QueueKind = QueueItem['kind'];

/** Where the queue lives (IndexedDB in the app, the same in tests through fake-indexeddb). */
export interface QueueStore {
  all(): Promise<QueueItem[]>;
  get(id: string): Promise<QueueItem | undefined>;
  put(item: QueueItem): Promise<void>;
  delete(id: string): Promise<void>;
}

/** The network side of the queue (the `@govgrid/api` calls in the app, fakes in tests). */
export interface QueueSender {
  upload(blob: Blob, name: string): Promise<number>;
  report(body: EventReportRequest, idempotencyKey: string): Promise<{ id: number }>;
  act(eventId: number, action: EventActionCode, body: EventActionRequest): Promise<{ id: number }>;
  track(patrolId: number, batchKey: string, points: PatrolTrackPoint[]): Promise<unknown>;
  patrolItem(patrolId: number, body: PatrolItemRequest): Promise<{ id: number }>;
  patrolFinish(patrolId: number, end: PatrolPosition): Promise<{ id: number }>;
  record(body: CollectionRecordRequest, idempotencyKey: string): Promise<{ id: number }>;
  resubmit(recordId: number, answers: CollectionAnswers): Promise<{ id: number }>;
  partyActivity(body: PartyActivityReport, idempotencyKey: string): Promise<{ id: number }>;
}
