import { collectionApi, eventApi, fileApi, partyApi, patrolApi } from '@govgrid/api';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { indexedDbStore } from '../offline/db';
import { OutboxQueue } from '../offline/queue';
import type { QueueItem, QueueSender } from '../offline/types';

export type SubmitOutcome =
  /** `id`: the event, patrol or record the write produced (0 when sent by another run) */
  | { state: 'sent'; id: number }
  | { state: 'queued' }
  | { state: 'invalid'; fieldErrors: Record<string, string>; message?: string }
  | { state: 'failed'; message?: string };

const apiSender: QueueSender = {
  upload: async (blob, name) => (await fileApi.upload(blob, name)).id,
  report: (body, key) => eventApi.report(body, key),
  act: (id, action, body) => eventApi.act(id, action, body),
  track: (patrolId, batchKey, points) => patrolApi.track(patrolId, { batchKey, points }),
  patrolItem: (patrolId, body) => patrolApi.item(patrolId, body),
  patrolFinish: (patrolId, end) => patrolApi.finish(patrolId, end),
  record: (body, key) => collectionApi.submit(body, key),
  resubmit: (recordId, answers) => collectionApi.resubmit(recordId, answers),
  partyActivity: (body, key) => partyApi.reportActivity(body, key),
};

/**
 * The offline queue of the app: every write goes through it. It is sent when the network comes
 * back (`online`), after each back-off delay, on start and when the worker presses 重试.
 */
export const useOutboxStore = defineStore('outbox', () => {
  const items = ref<QueueItem[]>([]);
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const sending = ref(false);
  /** bumps after anything was sent, so that lists reload */
  const sentCount = ref(0);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;

  const queue = new OutboxQueue(indexedDbStore(), apiSender, {
    onChange: () => void refresh(),
  });

  const pending = computed(() => items.value.filter((i) => i.status === 'pending'));
  const invalid = computed(() => items.value.filter((i) => i.status === 'invalid'));
  const failed = computed(() => items.value.filter((i) => i.status === 'failed'));

  async function refresh() {
    try {
      items.value = await queue.items();
    } catch {
      // IndexedDB unavailable (private mode of some browsers): nothing to show
    }
  }

  async function schedule() {
    if (timer) clearTimeout(timer);
    timer = null;
    const at = await queue.nextAttemptAt();
    if (at === null) return;
    timer = setTimeout(() => void flush(), Math.max(1_000, at - Date.now()));
  }

  async function flush(force = false) {
    if (!online.value && !force) {
      await schedule();
      return null;
    }
    sending.value = true;
    try {
      const result = await queue.flush(force);
      if (result.sent.length) sentCount.value += result.sent.length;
      return result;
    } finally {
      sending.value = false;
      await refresh();
      await schedule();
    }
  }

  /** Stores the write, then tries to send it at once; tells what became of it. */
  async function submit(item: QueueItem): Promise<SubmitOutcome> {
    await queue.enqueue(item);
    await refresh();
    if (online.value) {
      for (let round = 0; round < 2; round++) {
        const result = await flush(true);
        if (result && result.sent.includes(item.id)) {
          // a report that also self-handles: sent once both are through
          const left = items.value.find((i) => i.id === item.id);
          if (!left) return { state: 'sent', id: result.ids[item.id] ?? 0 };
        }
        const left = items.value.find((i) => i.id === item.id);
        // sent by a run that was already under way
        if (!left) return { state: 'sent', id: 0 };
        if (left.status === 'invalid') {
          return { state: 'invalid', fieldErrors: left.fieldErrors ?? {}, message: left.lastError };
        }
        if (left.status === 'failed') return { state: 'failed', message: left.lastError };
        if (left.attempts > 0) break;
      }
    }
    await schedule();
    return { state: 'queued' };
  }

  async function retry(id: string) {
    await queue.retry(id);
    await flush(true);
  }

  async function remove(id: string) {
    await queue.remove(id);
  }

  /** Replaces a stored item (after the worker edited a 需修改 report) and sends it again. */
  async function replace(item: QueueItem): Promise<SubmitOutcome> {
    item.status = 'pending';
    item.fieldErrors = undefined;
    item.nextAttemptAt = 0;
    return submit(item);
  }

  function start() {
    if (started) return;
    started = true;
    window.addEventListener('online', () => {
      online.value = true;
      void flush(true);
    });
    window.addEventListener('offline', () => (online.value = false));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && online.value) void flush();
    });
    void refresh().then(() => flush());
  }

  return {
    items,
    pending,
    invalid,
    failed,
    online,
    sending,
    sentCount,
    start,
    refresh,
    flush,
    submit,
    retry,
    remove,
    replace,
  };
});
