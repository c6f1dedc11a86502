// The outbox with collection records (photos added to their answers) and party activities.
import 'fake-indexeddb/auto';
import { ApiError, type PartyActivityReport } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import { withPhotos } from './queue';
import { reportItem, sender, queue, base, useOutboxQueue } from './queue.fixture';
import type { PartyActivityItem, RecordItem } from './types';

useOutboxQueue();

const record = (id: string, createdAt: number, extra: Partial<RecordItem> = {}): RecordItem => ({
  ...base(id, createdAt),
  kind: 'record',
  label: '出租房屋采集',
  formName: '出租房屋采集',
  record: { formId: 3, campaignId: 9, lon: 120.6, lat: 31.3, answers: { owner: '王建国' } },
  ...extra,
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
