// What the outbox tests share: a fake server, a fresh queue on its own IndexedDB before each
// test (ES module live bindings: `queue`, `sender`, `store` are the current test's), and items.
import 'fake-indexeddb/auto';
import {
  ApiError,
  type CollectionAnswers,
  type EventActionCode,
  type EventActionRequest,
  type EventReportRequest,
  type PartyActivityReport,
  type PatrolItemRequest,
  type PatrolPosition,
  type PatrolTrackPoint,
  type CollectionRecordRequest,
} from '@govgrid/api';
import { beforeEach } from 'vitest';
import { indexedDbStore } from './db';
import { OutboxQueue } from './queue';
import type { QueueSender } from './types';

export const report: EventReportRequest = {
  categoryCode: 'CSGL-01',
  description: '占道经营',
  lon: 120.5,
  lat: 31.3,
  address: '狮山路 1 号',
  source: 'GRID_WORKER',
};

export function reportItem(
  id: string,
  createdAt: number,
  extra: Partial<ReportItem> = {},
): ReportItem {
  return {
    kind: 'report',
    id,
    createdAt,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    photos: [],
    label: id,
    report: { ...report, description: id },
    ...extra,
  };
}

/** A fake server: records calls, answers by script. */
export class FakeSender implements QueueSender {
  calls: string[] = [];
  reports: { body: EventReportRequest; key: string }[] = [];
  actions: { id: number; action: EventActionCode; body: EventActionRequest }[] = [];
  offline = false;
  /** key → event id: the server's idempotency */
  byKey = new Map<string, number>();
  nextId = 100;
  nextFileId = 1;
  failReport: ((body: EventReportRequest) => ApiError | null) | null = null;

  async upload(_blob: Blob, name: string) {
    this.calls.push(`upload:${name}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    return this.nextFileId++;
  }

  async report(body: EventReportRequest, key: string) {
    this.calls.push(`report:${body.description}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    const failure = this.failReport?.(body);
    if (failure) throw failure;
    this.reports.push({ body, key });
    if (!this.byKey.has(key)) this.byKey.set(key, this.nextId++);
    return { id: this.byKey.get(key) as number };
  }

  async act(id: number, action: EventActionCode, body: EventActionRequest) {
    this.calls.push(`act:${id}:${action}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    this.actions.push({ id, action, body });
    return { id };
  }

  /** batch keys the server stored (a key sent again is a replay) */
  batches = new Map<string, number>();
  trackCalls: { patrolId: number; key: string; points: PatrolTrackPoint[] }[] = [];
  patrolItems: { patrolId: number; body: PatrolItemRequest }[] = [];
  finished = new Set<number>();
  records: { body: CollectionRecordRequest; key: string }[] = [];
  recordsByKey = new Map<string, number>();
  resubmits: { id: number; answers: CollectionAnswers }[] = [];
  failRecord: ((body: CollectionRecordRequest) => ApiError | null) | null = null;
  /** the next track call fails after the server stored the batch (a lost answer) */
  loseTrackAnswer = false;

  async track(patrolId: number, key: string, points: PatrolTrackPoint[]) {
    this.calls.push(`track:${key}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    this.trackCalls.push({ patrolId, key, points });
    const replayed = this.batches.has(key);
    if (!replayed) this.batches.set(key, points.length);
    if (this.loseTrackAnswer) {
      this.loseTrackAnswer = false;
      throw new ApiError(0, { title: 'timeout' });
    }
    return { batchKey: key, accepted: points.length, pointCount: 0, replayed };
  }

  async patrolItem(patrolId: number, body: PatrolItemRequest) {
    this.calls.push(`item:${body.itemCode}:${body.result}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    this.patrolItems.push({ patrolId, body });
    return { id: patrolId };
  }

  async patrolFinish(patrolId: number, _end: PatrolPosition) {
    this.calls.push(`finish:${patrolId}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    if (this.finished.has(patrolId)) {
      throw new ApiError(409, { title: 'Conflict', detail: '巡查已结束' });
    }
    this.finished.add(patrolId);
    return { id: patrolId };
  }

  async record(body: CollectionRecordRequest, key: string) {
    this.calls.push(`record:${body.formId}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    const failure = this.failRecord?.(body);
    if (failure) throw failure;
    this.records.push({ body, key });
    if (!this.recordsByKey.has(key)) this.recordsByKey.set(key, 500 + this.recordsByKey.size);
    return { id: this.recordsByKey.get(key) as number };
  }

  activities: { body: PartyActivityReport; key: string }[] = [];
  activitiesByKey = new Map<string, number>();

  async partyActivity(body: PartyActivityReport, key: string) {
    this.calls.push(`party:${body.title}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    this.activities.push({ body, key });
    if (!this.activitiesByKey.has(key))
      this.activitiesByKey.set(key, 900 + this.activitiesByKey.size);
    return { id: this.activitiesByKey.get(key) as number };
  }

  async resubmit(id: number, answers: CollectionAnswers) {
    this.calls.push(`resubmit:${id}`);
    if (this.offline) throw new ApiError(0, { title: 'Network Error' });
    this.resubmits.push({ id, answers });
    return { id };
  }
}

let dbSeq = 0;
let clock = 1_000_000;
export let sender: FakeSender;
export let queue: OutboxQueue;
export let store: ReturnType<typeof indexedDbStore>;

/** The queue's clock. */
export function now(): number {
  return clock;
}

/** Moves the queue's clock on. */
export function advance(ms: number): void {
  clock += ms;
}

/** Every test of the file that calls this gets a new queue with the clock at its start. */
export function useOutboxQueue(): void {
  beforeEach(() => {
    clock = 1_000_000;
    sender = new FakeSender();
    store = indexedDbStore(`test-${++dbSeq}`);
    queue = new OutboxQueue(store, sender, { now: () => clock });
  });
}

export function base(id: string, createdAt: number) {
  return { id, createdAt, status: 'pending' as const, attempts: 0, nextAttemptAt: 0, photos: [] };
}
