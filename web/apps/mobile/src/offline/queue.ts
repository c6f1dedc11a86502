import { type CollectionAnswers, fieldErrors, problemMessage, toApiError } from '@govgrid/api';
import type { QueueItem, QueuedPhoto, QueueSender, QueueStore } from './types';

/** First retry after 2 s, doubling up to 5 minutes. */
export function backoffDelay(attempts: number, base = 2_000, max = 300_000): number {
  if (attempts <= 0) return 0;
  return Math.min(max, base * 2 ** (attempts - 1));
}

/** What an answer means for a queued write. */
export type Outcome = 'retry' | 'invalid' | 'failed' | 'paused';

/**
 * No answer, a timeout, 408/429 or a server error: try again later. 400/422: the worker must fix
 * the input. 401 / password change: wait until signed in again. Anything else (403, 404, 409):
 * refused for good.
 */
export function classify(status: number): Outcome {
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401) return 'paused';
  return 'failed';
}

export interface FlushResult {
  sent: string[];
  /**
   * by item id, the id of what a sent item produced or changed: the event (report, action), the
   * patrol (its items and finish), the record (record, resubmit), the party activity; not for
   * track batches
   */
  ids: Record<string, number>;
  /** true when the run stopped because the network (or the session) is gone */
  interrupted: boolean;
}

export interface QueueOptions {
  now?: () => number;
  /** called after every change of the stored queue */
  onChange?: () => void;
}

/**
 * The outbox of the phone app: every write is stored first and sent when it can be, oldest first.
 * A report carries its idempotency key (the item id), so a retry after a lost answer returns the
 * same event instead of creating a second one. Photos are uploaded before the write and their ids
 * are kept, so a retry does not upload them again.
 */
export class OutboxQueue {
  private running: Promise<FlushResult> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly store: QueueStore,
    private readonly sender: QueueSender,
    private readonly options: QueueOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async enqueue(item: QueueItem): Promise<QueueItem> {
    await this.store.put(item);
    this.options.onChange?.();
    return item;
  }

  items(): Promise<QueueItem[]> {
    return this.store.all();
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(id);
    this.options.onChange?.();
  }

  /** Puts an item back in line now (after the worker pressed 重试 or edited it). */
  async retry(id: string): Promise<void> {
    const item = await this.store.get(id);
    if (!item) return;
    item.status = 'pending';
    item.nextAttemptAt = 0;
    item.fieldErrors = undefined;
    await this.store.put(item);
    this.options.onChange?.();
  }

  /** When the first pending item may be tried again (null when none waits). */
  async nextAttemptAt(): Promise<number | null> {
    const first = (await this.store.all()).find((i) => i.status === 'pending');
    return first ? first.nextAttemptAt : null;
  }

  /**
   * Sends what is due, oldest first (`force`: also what is still backing off, e.g. when the
   * network came back). Runs one at a time; a second call while running waits for the first.
   */
  flush(force = false): Promise<FlushResult> {
    if (!this.running) {
      this.running = this.run(force).finally(() => (this.running = null));
    }
    return this.running;
  }

  private async run(force: boolean): Promise<FlushResult> {
    const result: FlushResult = { sent: [], ids: {}, interrupted: false };
    const items = await this.store.all();
    for (const item of items) {
      if (item.status !== 'pending') continue;
      // strictly in order: a write that is backing off holds back the ones after it
      if (!force && item.nextAttemptAt > this.now()) break;
      const outcome = await this.send(item, result);
      if (outcome === 'retry' || outcome === 'paused') {
        // the network or the session is gone: later items would fail the same way and must
        // not overtake this one
        result.interrupted = true;
        break;
      }
    }
    return result;
  }

  private async send(item: QueueItem, result: FlushResult): Promise<Outcome | 'sent'> {
    try {
      for (const photo of item.photos) {
        if (photo.fileId == null) {
          photo.fileId = await this.sender.upload(photo.blob, photo.name);
          await this.store.put(item);
        }
      }
      const fileIds = item.photos.filter((p) => !p.field).map((p) => p.fileId as number);
      const files = fileIds.length ? fileIds : undefined;
      switch (item.kind) {
        case 'report': {
          const event = await this.sender.report({ ...item.report, fileIds: files }, item.id);
          result.ids[item.id] = event.id;
          if (item.followUp) {
            // the report is in: what remains is an action on the new event, in the same place
            const next: QueueItem = {
              kind: 'action',
              id: item.id,
              createdAt: item.createdAt,
              status: 'pending',
              attempts: 0,
              nextAttemptAt: 0,
              photos: [],
              label: item.label,
              eventId: event.id,
              action: item.followUp.action,
              body: item.followUp.body,
            };
            await this.store.put(next);
            this.options.onChange?.();
            return this.send(next, result);
          }
          break;
        }
        case 'action':
          result.ids[item.id] = (
            await this.sender.act(item.eventId, item.action, { ...item.body, fileIds: files })
          ).id;
          break;
        case 'track':
          // the item id is the batch key: a batch sent twice is stored once
          await this.sender.track(item.patrolId, item.id, item.points);
          break;
        case 'patrolItem':
          result.ids[item.id] = (
            await this.sender.patrolItem(item.patrolId, { ...item.body, fileIds: files })
          ).id;
          break;
        case 'patrolFinish':
          result.ids[item.id] = (await this.sender.patrolFinish(item.patrolId, item.end)).id;
          break;
        case 'record':
          result.ids[item.id] = (
            await this.sender.record(
              { ...item.record, answers: withPhotos(item.record.answers, item.photos) },
              item.id,
            )
          ).id;
          break;
        case 'resubmit':
          result.ids[item.id] = (
            await this.sender.resubmit(item.recordId, withPhotos(item.answers, item.photos))
          ).id;
          break;
        case 'partyActivity':
          result.ids[item.id] = (
            await this.sender.partyActivity({ ...item.activity, fileIds }, item.id)
          ).id;
          break;
      }
      await this.store.delete(item.id);
      result.sent.push(item.id);
      this.options.onChange?.();
      return 'sent';
    } catch (error) {
      const apiError = toApiError(error);
      if (item.kind === 'patrolFinish' && apiError.status === 409) {
        // already finished: an earlier try got through but its answer was lost
        await this.store.delete(item.id);
        result.sent.push(item.id);
        result.ids[item.id] = item.patrolId;
        this.options.onChange?.();
        return 'sent';
      }
      const outcome = classify(apiError.status);
      item.lastError = problemMessage(apiError, apiError.message);
      if (outcome === 'retry') {
        item.attempts += 1;
        item.nextAttemptAt = this.now() + backoffDelay(item.attempts);
      } else if (outcome === 'invalid') {
        item.status = 'invalid';
        item.fieldErrors = fieldErrors(apiError);
      } else if (outcome === 'failed') {
        item.status = 'failed';
      }
      await this.store.put(item);
      this.options.onChange?.();
      return outcome;
    }
  }
}

/**
 * The answers with the uploaded photos added to their PHOTO fields (after the ids of photos that
 * were on the server already).
 */
export function withPhotos(answers: CollectionAnswers, photos: QueuedPhoto[]): CollectionAnswers {
  const out: CollectionAnswers = { ...answers };
  for (const photo of photos) {
    if (!photo.field || photo.fileId == null) continue;
    const current = out[photo.field];
    const ids = Array.isArray(current) ? current.filter((v) => typeof v === 'number') : [];
    out[photo.field] = [...ids, photo.fileId];
  }
  return out;
}
