import 'fake-indexeddb/auto';
import { ApiError } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import { backoffDelay, classify } from './queue';
import { report, reportItem, sender, queue, advance, now, useOutboxQueue } from './queue.fixture';
import type { QueueItem, ReportItem } from './types';

useOutboxQueue();

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
    expect(r1.nextAttemptAt).toBe(now() + 2000);
    expect(r1.status).toBe('pending');
    expect(r2.attempts).toBe(0);

    // not due yet: nothing is tried, and r2 waits behind r1
    sender.calls = [];
    await queue.flush();
    expect(sender.calls).toEqual([]);
    advance(2000);
    await queue.flush();
    [r1, r2] = await queue.items();
    expect(r1.attempts).toBe(2);
    expect(r1.nextAttemptAt).toBe(now() + 4000);
    expect(r2.attempts).toBe(0);
    expect(await queue.nextAttemptAt()).toBe(now() + 4000);

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
    expect(waiting.nextAttemptAt).toBe(now() + 2000);
    // the database is back
    sender.failReport = null;
    advance(2000);
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
