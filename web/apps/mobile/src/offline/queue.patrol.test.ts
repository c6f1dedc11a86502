// The outbox with patrols: track batches, checklist items and the finish, in order.
import 'fake-indexeddb/auto';
import { ApiError, type PatrolItemRequest, type PatrolTrackPoint } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import { sender, queue, advance, base, useOutboxQueue } from './queue.fixture';
import type { PatrolFinishItem, PatrolItemItem, TrackItem } from './types';

useOutboxQueue();

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
    advance(2000);
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
