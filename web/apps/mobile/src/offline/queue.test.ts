import 'fake-indexeddb/auto';
import {
  ApiError,
  type CollectionAnswers,
  type CollectionRecordRequest,
  type EventActionCode,
  type EventActionRequest,
  type EventReportRequest,
  type PartyActivityReport,
  type PatrolItemRequest,
  type PatrolPosition,
  type PatrolTrackPoint,
} from '@govgrid/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexedDbStore } from './db';
import { OutboxQueue, backoffDelay, classify, withPhotos } from './queue';
import type {
  PartyActivityItem,
  PatrolFinishItem,
  PatrolItemItem,
  QueueItem,
  QueueSender,
  RecordItem,
  ReportItem,
  TrackItem,
} from './types';

const report: EventReportRequest = {
  categoryCode: 'CSGL-01',
  description: '占道经营',
  lon: 120.5,
  lat: 31.3,
  address: '狮山路 1 号',
  source: 'GRID_WORKER',
};

function reportItem(id: string, createdAt: number, extra: Partial<ReportItem> = {}): ReportItem {
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
class FakeSender implements QueueSender {
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
let sender: FakeSender;
let queue: OutboxQueue;
let store: ReturnType<typeof indexedDbStore>;

beforeEach(() => {
  clock = 1_000_000;
  sender = new FakeSender();
  store = indexedDbStore(`test-${++dbSeq}`);
  queue = new OutboxQueue(store, sender, { now: () => clock });
});

describe('backoffDelay and classify', () => {
  it('doubles from 2 s up to 5 minutes', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n))).toEqual([0, 2000, 4000, 8000, 16000]);
    expect(backoffDelay(20)).toBe(300_000);
  });

  it('retries network and server failures, keeps 400 for editing, pauses on 401', () => {
    expect(classify(0)).toBe('retry');
    expect(classify(503)).toBe('retry');
    expect(classify(429)).toBe('retry');
    expect(classify(400)).toBe('invalid');
    expect(classify(401)).toBe('paused');
    expect(classify(409)).toBe('failed');
    expect(classify(404)).toBe('failed');
  });
});

describe('OutboxQueue', () => {
  it('stores what is enqueued in IndexedDB, photos as blobs, oldest first', async () => {
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await queue.enqueue(reportItem('b', 2));
    await queue.enqueue(
      reportItem('a', 1, { photos: [{ name: 'a.jpg', type: 'image/jpeg', blob: photo }] }),
    );
    const items = await queue.items();
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(items[0].photos[0].blob.size).toBe(3);
  });

  it('replays in order, uploads photos first and sends the idempotency key', async () => {
    const photo = new Blob([new Uint8Array([9])], { type: 'image/jpeg' });
    await queue.enqueue(reportItem('second', 20));
    await queue.enqueue(
      reportItem('first', 10, {
        photos: [
          { name: 'p1.jpg', type: 'image/jpeg', blob: photo },
          { name: 'p2.jpg', type: 'image/jpeg', blob: photo },
        ],
      }),
    );
    const result = await queue.flush();
    expect(sender.calls).toEqual([
      'upload:p1.jpg',
      'upload:p2.jpg',
      'report:first',
      'report:second',
    ]);
    expect(sender.reports[0]).toEqual({
      body: { ...report, description: 'first', fileIds: [1, 2] },
      key: 'first',
    });
    expect(sender.reports[1].body.fileIds).toBeUndefined();
    expect(result.sent).toEqual(['first', 'second']);
    expect(result.ids).toEqual({ first: 100, second: 101 });
    expect(await queue.items()).toEqual([]);
  });

  it('keeps everything when offline, backs off, and sends once the network is back', async () => {
    await queue.enqueue(reportItem('r1', 1));
    await queue.enqueue(reportItem('r2', 2));
    sender.offline = true;
    const first = await queue.flush();
    expect(first.interrupted).toBe(true);
    // stops at the first failure: r2 must not overtake r1
    expect(sender.calls).toEqual(['report:r1']);
    let [r1, r2] = await queue.items();
    expect(r1.attempts).toBe(1);
    expect(r1.nextAttemptAt).toBe(clock + 2000);
    expect(r1.status).toBe('pending');
    expect(r2.attempts).toBe(0);

    // not due yet: nothing is tried, and r2 waits behind r1
    sender.calls = [];
    await queue.flush();
    expect(sender.calls).toEqual([]);
    clock += 2000;
    await queue.flush();
    [r1, r2] = await queue.items();
    expect(r1.attempts).toBe(2);
    expect(r1.nextAttemptAt).toBe(clock + 4000);
    expect(r2.attempts).toBe(0);
    expect(await queue.nextAttemptAt()).toBe(clock + 4000);

    // the network is back: a forced flush ignores the back-off
    sender.offline = false;
    const last = await queue.flush(true);
    expect(last.sent).toEqual(['r1', 'r2']);
    expect(await queue.items()).toEqual([]);
  });

  it('never reports twice when an answer was lost: the retry carries the same key', async () => {
    await queue.enqueue(reportItem('k1', 1));
    // the server created the event but the answer never arrived
    sender.failReport = (body) => {
      sender.byKey.set('k1', 555);
      sender.failReport = null;
      void body;
      return new ApiError(0, { title: 'timeout' });
    };
    await queue.flush();
    expect((await queue.items()).length).toBe(1);
    const result = await queue.flush(true);
    expect(result.ids.k1).toBe(555);
    expect(sender.byKey.size).toBe(1);
  });

  it('keeps a report the server answered 503 (database cut) and resends it with the same key', async () => {
    await queue.enqueue(reportItem('cut', 1));
    // the server's answer while its database is away; the commit may even have happened
    sender.failReport = () => {
      sender.byKey.set('cut', 777);
      return new ApiError(503, {
        type: 'https://govgrid.org/problems/service-unavailable',
        title: '服务暂不可用 / Service unavailable',
        status: 503,
      });
    };
    const first = await queue.flush();
    expect(first.sent).toEqual([]);
    const [waiting] = await queue.items();
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);
    expect(waiting.nextAttemptAt).toBe(clock + 2000);
    // the database is back
    sender.failReport = null;
    clock += 2000;
    const second = await queue.flush();
    expect(second.sent).toEqual(['cut']);
    expect(second.ids.cut).toBe(777);
    expect(sender.reports.map((r) => r.key)).toEqual(['cut']);
    expect(sender.byKey.size).toBe(1);
    expect(await queue.items()).toEqual([]);
  });

  it('does not upload a photo twice when the report fails after the upload', async () => {
    const photo = new Blob([new Uint8Array([1])], { type: 'image/jpeg' });
    await queue.enqueue(
      reportItem('p', 1, { photos: [{ name: 'x.jpg', type: 'image/jpeg', blob: photo }] }),
    );
    sender.failReport = () => new ApiError(503, { title: 'busy' });
    await queue.flush();
    expect((await queue.items())[0].photos[0].fileId).toBe(1);
    sender.failReport = null;
    await queue.flush(true);
    expect(sender.calls.filter((c) => c.startsWith('upload'))).toEqual(['upload:x.jpg']);
  });

  it('keeps a 400 as 需修改 with its field errors and goes on with the next item', async () => {
    await queue.enqueue(reportItem('bad', 1));
    await queue.enqueue(reportItem('good', 2));
    sender.failReport = (body) =>
      body.description === 'bad'
        ? new ApiError(400, {
            title: 'Invalid',
            errors: [{ field: 'address', message: '不能为空' }],
          })
        : null;
    const result = await queue.flush();
    expect(result.sent).toEqual(['good']);
    const [bad] = await queue.items();
    expect(bad.status).toBe('invalid');
    expect(bad.fieldErrors).toEqual({ address: '不能为空' });
    // an invalid item is not retried on its own
    sender.calls = [];
    await queue.flush(true);
    expect(sender.calls).toEqual([]);
    // after the worker fixed it, it goes again
    sender.failReport = null;
    const fixed = (await queue.items())[0] as ReportItem;
    fixed.report.address = '狮山路 2 号';
    await queue.enqueue(fixed);
    await queue.retry('bad');
    expect((await queue.flush()).sent).toEqual(['bad']);
  });

  it('marks refusals (409) as failed and pauses on 401 without losing anything', async () => {
    const action: QueueItem = {
      kind: 'action',
      id: 'a1',
      createdAt: 1,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
      photos: [],
      label: 'verify',
      eventId: 7,
      action: 'verify',
      body: { passed: true },
    };
    await queue.enqueue(action);
    sender.act = async () => {
      throw new ApiError(409, { title: 'illegal transition', detail: '状态已变化' });
    };
    await queue.flush();
    const [failed] = await queue.items();
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toBe('状态已变化');

    await queue.remove('a1');
    await queue.enqueue(reportItem('s', 2));
    sender.failReport = () => new ApiError(401, { title: 'Unauthorized' });
    const result = await queue.flush();
    expect(result.interrupted).toBe(true);
    const [paused] = await queue.items();
    expect(paused.status).toBe('pending');
    expect(paused.attempts).toBe(0);
  });

  it('reports and then self-handles the new event (自处置), even across a failure', async () => {
    await queue.enqueue(
      reportItem('sh', 1, { followUp: { action: 'self-handle', body: { comment: '已劝离' } } }),
    );
    const act = sender.act.bind(sender);
    let failOnce = true;
    sender.act = async (id, a, body) => {
      if (failOnce) {
        failOnce = false;
        throw new ApiError(0, { title: 'Network Error' });
      }
      return act(id, a, body);
    };
    await queue.flush();
    const [waiting] = await queue.items();
    expect(waiting.kind).toBe('action');
    expect(waiting.kind === 'action' && waiting.eventId).toBe(100);
    await queue.flush(true);
    expect(sender.reports.length).toBe(1);
    expect(sender.actions).toEqual([
      { id: 100, action: 'self-handle', body: { comment: '已劝离' } },
    ]);
    expect(await queue.items()).toEqual([]);
  });

  it('runs one flush at a time', async () => {
    await queue.enqueue(reportItem('once', 1));
    const [a, b] = await Promise.all([queue.flush(), queue.flush()]);
    expect(a).toBe(b);
    expect(sender.reports.length).toBe(1);
  });
});

function base(id: string, createdAt: number) {
  return { id, createdAt, status: 'pending' as const, attempts: 0, nextAttemptAt: 0, photos: [] };
}

function point(second: number, lon = 120.6): PatrolTrackPoint {
  return {
    time: `2026-11-24T09:00:${String(second).padStart(2, '0')}+08:00`,
    lon,
    lat: 31.3,
    accuracy: 8,
    speed: 1.2,
  };
}

const track = (id: string, createdAt: number, points: PatrolTrackPoint[]): TrackItem => ({
  ...base(id, createdAt),
  kind: 'track',
  label: '市容秩序',
  patrolId: 7,
  points,
});

const patrolItem = (
  id: string,
  createdAt: number,
  body: PatrolItemRequest,
  extra: Partial<PatrolItemItem> = {},
): PatrolItemItem => ({
  ...base(id, createdAt),
  kind: 'patrolItem',
  label: body.itemCode,
  patrolId: 7,
  body,
  ...extra,
});

const finish = (id: string, createdAt: number): PatrolFinishItem => ({
  ...base(id, createdAt),
  kind: 'patrolFinish',
  label: '市容秩序',
  patrolId: 7,
  end: { lon: 120.6, lat: 31.3 },
});

const record = (id: string, createdAt: number, extra: Partial<RecordItem> = {}): RecordItem => ({
  ...base(id, createdAt),
  kind: 'record',
  label: '出租房屋采集',
  formName: '出租房屋采集',
  record: { formId: 3, campaignId: 9, lon: 120.6, lat: 31.3, answers: { owner: '王建国' } },
  ...extra,
});

describe('OutboxQueue: patrols', () => {
  it('sends track batches, checklist items and the finish strictly in order', async () => {
    await queue.enqueue(track('b1', 1, [point(0), point(5)]));
    await queue.enqueue(
      patrolItem('i1', 2, {
        itemCode: 'SR-01',
        result: 'PROBLEM',
        comment: '占道',
        lon: 1,
        lat: 2,
      }),
    );
    await queue.enqueue(track('b2', 3, [point(10)]));
    await queue.enqueue(patrolItem('i2', 4, { itemCode: 'SR-02', result: 'NORMAL' }));
    await queue.enqueue(finish('f', 5));
    const result = await queue.flush();
    expect(sender.calls).toEqual([
      'track:b1',
      'item:SR-01:PROBLEM',
      'track:b2',
      'item:SR-02:NORMAL',
      'finish:7',
    ]);
    // the item id is the batch key
    expect(sender.trackCalls.map((c) => [c.patrolId, c.key, c.points.length])).toEqual([
      [7, 'b1', 2],
      [7, 'b2', 1],
    ]);
    expect(result.ids).toEqual({ i1: 7, i2: 7, f: 7 });
    expect(await queue.items()).toEqual([]);
  });

  it('keeps the finish behind batches that wait for the network', async () => {
    await queue.enqueue(track('b1', 1, [point(0)]));
    await queue.enqueue(finish('f', 2));
    sender.offline = true;
    await queue.flush();
    expect(sender.calls).toEqual(['track:b1']);
    expect((await queue.items()).map((i) => i.kind)).toEqual(['track', 'patrolFinish']);
    sender.offline = false;
    clock += 2000;
    await queue.flush();
    expect(sender.calls).toEqual(['track:b1', 'track:b1', 'finish:7']);
    expect(sender.finished.has(7)).toBe(true);
  });

  it('replays a batch whose answer was lost with the same key, stored once', async () => {
    await queue.enqueue(track('lost', 1, [point(0), point(3)]));
    sender.loseTrackAnswer = true;
    const first = await queue.flush();
    expect(first.interrupted).toBe(true);
    expect(sender.batches.size).toBe(1);
    await queue.flush(true);
    expect(sender.trackCalls.map((c) => c.key)).toEqual(['lost', 'lost']);
    expect(sender.batches.size).toBe(1);
    expect(await queue.items()).toEqual([]);
  });

  it('takes a 409 on a finish sent again as done (the first answer was lost)', async () => {
    sender.finished.add(7);
    await queue.enqueue(finish('again', 1));
    const result = await queue.flush();
    expect(result.sent).toEqual(['again']);
    expect(await queue.items()).toEqual([]);
  });

  it('uploads a problem photo before the item and keeps a 400 as 需修改', async () => {
    const photo = new Blob([new Uint8Array([7])], { type: 'image/jpeg' });
    await queue.enqueue(
      patrolItem(
        'p',
        1,
        { itemCode: 'SR-01', result: 'PROBLEM', comment: '占道' },
        { photos: [{ name: 'stall.jpg', type: 'image/jpeg', blob: photo }] },
      ),
    );
    await queue.flush();
    expect(sender.calls).toEqual(['upload:stall.jpg', 'item:SR-01:PROBLEM']);
    expect(sender.patrolItems[0].body.fileIds).toEqual([1]);

    sender.patrolItem = async () => {
      throw new ApiError(400, {
        title: 'Invalid',
        errors: [{ field: 'comment', message: '请描述发现的问题' }],
      });
    };
    await queue.enqueue(patrolItem('bad', 2, { itemCode: 'SR-02', result: 'PROBLEM' }));
    await queue.enqueue(finish('f', 3));
    const result = await queue.flush();
    expect(result.sent).toEqual(['f']);
    const [bad] = await queue.items();
    expect(bad.status).toBe('invalid');
    expect(bad.fieldErrors).toEqual({ comment: '请描述发现的问题' });
  });
});

describe('OutboxQueue: collection records', () => {
  it('sends a record with its key, photos of a PHOTO field added to the answer', async () => {
    const photo = new Blob([new Uint8Array([1, 2])], { type: 'image/jpeg' });
    await queue.enqueue(
      record('rec', 1, {
        record: {
          formId: 3,
          campaignId: 9,
          lon: 120.6,
          lat: 31.3,
          answers: { owner: '王建国', photos: [41] },
        },
        photos: [
          { name: 'a.jpg', type: 'image/jpeg', blob: photo, field: 'photos' },
          { name: 'b.jpg', type: 'image/jpeg', blob: photo, field: 'door' },
        ],
      }),
    );
    await queue.enqueue(reportItem('after', 2));
    const result = await queue.flush();
    expect(sender.calls).toEqual(['upload:a.jpg', 'upload:b.jpg', 'record:3', 'report:after']);
    expect(sender.records[0]).toEqual({
      key: 'rec',
      body: {
        formId: 3,
        campaignId: 9,
        lon: 120.6,
        lat: 31.3,
        answers: { owner: '王建国', photos: [41, 1], door: [2] },
      },
    });
    expect(result.ids.rec).toBe(500);
  });

  it('never makes a second record when the answer was lost', async () => {
    await queue.enqueue(record('once', 1));
    sender.failRecord = () => {
      sender.recordsByKey.set('once', 777);
      sender.failRecord = null;
      return new ApiError(0, { title: 'timeout' });
    };
    await queue.flush();
    expect((await queue.items()).length).toBe(1);
    const result = await queue.flush(true);
    expect(result.ids.once).toBe(777);
    expect(sender.recordsByKey.size).toBe(1);
  });

  it('keeps a 400 as 需修改 with the answers named, sends it again once corrected', async () => {
    await queue.enqueue(record('r400', 1));
    await queue.enqueue(record('r-ok', 2));
    sender.failRecord = (body) =>
      body.answers.idCard === 'bad'
        ? new ApiError(400, {
            title: 'Invalid',
            errors: [{ field: 'answers.idCard', message: '身份证号码无效' }],
          })
        : null;
    const bad = (await queue.items())[0] as RecordItem;
    bad.record.answers = { ...bad.record.answers, idCard: 'bad' };
    await queue.enqueue(bad);
    const result = await queue.flush();
    expect(result.sent).toEqual(['r-ok']);
    const [kept] = await queue.items();
    expect(kept.status).toBe('invalid');
    expect(kept.fieldErrors?.['answers.idCard']).toBe('身份证号码无效');
    const fixed = kept as RecordItem;
    fixed.record.answers.idCard = '11010519491231002X';
    await queue.enqueue(fixed);
    await queue.retry('r400');
    const again = await queue.flush();
    expect(again.sent).toEqual(['r400']);
    // the same key both times: the server never sees two records for one form
    expect(sender.records.map((r) => r.key)).toEqual(['r-ok', 'r400']);
  });

  it('resubmits a returned record with the new answers', async () => {
    await queue.enqueue({
      ...base('rs', 1),
      kind: 'resubmit',
      label: '出租房屋采集',
      formName: '出租房屋采集',
      formId: 3,
      recordId: 12,
      answers: { rooms: 2 },
    });
    const result = await queue.flush();
    expect(sender.resubmits).toEqual([{ id: 12, answers: { rooms: 2 } }]);
    expect(result.ids.rs).toBe(12);
  });

  it('withPhotos adds uploaded ids after those already given', () => {
    const blob = new Blob([]);
    expect(
      withPhotos({ a: [1], b: 'x' }, [
        { name: 'n', type: 't', blob, field: 'a', fileId: 2 },
        { name: 'n', type: 't', blob, field: 'c', fileId: 3 },
        { name: 'n', type: 't', blob, fileId: 4 },
      ]),
    ).toEqual({ a: [1, 2], b: 'x', c: [3] });
  });
});

describe('party activities in the outbox', () => {
  const activity: PartyActivityReport = {
    organizationId: 7,
    type: 'THEME_DAY',
    title: '主题党日',
    heldAt: '2026-12-01T09:30:00+08:00',
    place: '党群服务中心',
    lon: 120.5,
    lat: 31.3,
    participantIds: [1, 2],
    content: '学习',
  };
  const item = (photos: PartyActivityItem['photos'] = []): PartyActivityItem => ({
    kind: 'partyActivity',
    id: 'act-1',
    createdAt: 1,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    photos,
    label: '主题党日：主题党日',
    organizationName: '一支部',
    activity,
  });

  it('uploads the photos and the video first, then reports with the idempotency key', async () => {
    const jpg = new Blob([new Uint8Array([1])], { type: 'image/jpeg' });
    const mp4 = new Blob([new Uint8Array([2])], { type: 'video/mp4' });
    await queue.enqueue(
      item([
        { name: 'a.jpg', type: 'image/jpeg', blob: jpg },
        { name: 'b.mp4', type: 'video/mp4', blob: mp4 },
      ]),
    );
    const result = await queue.flush();
    expect(sender.calls).toEqual(['upload:a.jpg', 'upload:b.mp4', 'party:主题党日']);
    expect(sender.activities[0]).toEqual({ body: { ...activity, fileIds: [1, 2] }, key: 'act-1' });
    expect(result.ids['act-1']).toBe(900);
    expect(await queue.items()).toEqual([]);
  });

  it('keeps the activity while offline and sends it once when back', async () => {
    sender.offline = true;
    await queue.enqueue(item());
    const first = await queue.flush();
    expect(first.interrupted).toBe(true);
    expect((await queue.items()).map((i) => i.id)).toEqual(['act-1']);
    sender.offline = false;
    await queue.flush(true);
    await queue.flush(true);
    expect(sender.activities).toHaveLength(1);
    expect(sender.activities[0]!.body.fileIds).toEqual([]);
  });
});
