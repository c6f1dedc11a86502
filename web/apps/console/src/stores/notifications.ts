import { NOTIFICATION_STREAM_URL, notificationApi, toApiError, type NotificationItem } from '@/api';
import { defineStore } from 'pinia';
import { ref } from 'vue';

/** How many of the newest notifications the bell keeps and shows. */
export const LATEST = 10;

/** Pause before reopening a stream the browser gave up on (server restart, proxy error). */
export const RETRY_MS = 15_000;

/** The part of `EventSource` the store uses, so that tests can pass a fake. */
export interface StreamSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type StreamFactory = (url: string) => StreamSource;

/** `EventSource.CLOSED`, without touching a global that tests (node) do not have. */
const CLOSED = 2;

const browserStream: StreamFactory = (url) =>
  new EventSource(url, { withCredentials: true }) as unknown as StreamSource;

/** Only console paths are followed (no other sites, no `javascript:`), as the server insists. */
export function isConsolePath(link: string | null | undefined): link is string {
  return typeof link === 'string' && /^\/(?![/\\])/.test(link);
}

/**
 * The signed-in user's notifications: unread count and the newest few, kept live by the
 * server-sent event stream. `start` after sign-in, `stop` on sign-out (clears everything).
 * After every reconnect the list is reloaded, so nothing sent while the stream was down is missed.
 */
export const useNotificationStore = defineStore('notifications', () => {
  const items = ref<NotificationItem[]>([]);
  const unread = ref(0);
  const connected = ref(false);
  const loading = ref(false);

  let source: StreamSource | null = null;
  let factory: StreamFactory = browserStream;
  let started = false;
  let openedBefore = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const arrivalListeners = new Set<(item: NotificationItem) => void>();

  /** Called once per notification that arrives live (for a toast); returns an unsubscribe. */
  function onArrival(listener: (item: NotificationItem) => void): () => void {
    arrivalListeners.add(listener);
    return () => arrivalListeners.delete(listener);
  }

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      const page = await notificationApi.list({ page: 1, size: LATEST });
      items.value = page.items;
      unread.value = page.unread;
    } finally {
      loading.value = false;
    }
  }

  /** A notification pushed by the server; one already known is ignored. */
  function receive(item: NotificationItem): void {
    if (items.value.some((known) => known.id === item.id)) return;
    // pushed items are the newest there are
    items.value = [item, ...items.value].slice(0, LATEST);
    if (!item.readAt) unread.value += 1;
    arrivalListeners.forEach((listener) => listener(item));
  }

  async function markRead(id: number): Promise<void> {
    const known = items.value.find((item) => item.id === id);
    if (known?.readAt) return;
    const updated = await notificationApi.markRead(id);
    if (!known) {
      // older than the list shows: only the server knows whether it was unread
      await refresh();
      return;
    }
    items.value = items.value.map((item) => (item.id === id ? updated : item));
    unread.value = Math.max(0, unread.value - 1);
  }

  async function markAllRead(): Promise<void> {
    await notificationApi.markAllRead();
    const now = new Date().toISOString();
    items.value = items.value.map((item) => (item.readAt ? item : { ...item, readAt: now }));
    unread.value = 0;
  }

  function openStream(): void {
    const stream = factory(NOTIFICATION_STREAM_URL);
    source = stream;
    stream.addEventListener('open', () => {
      if (source !== stream) return;
      connected.value = true;
      // the browser reconnected by itself: catch up on what came while it was away
      if (openedBefore) void refresh().catch(() => undefined);
      openedBefore = true;
    });
    stream.addEventListener('notification', (event) => {
      if (source !== stream) return;
      try {
        receive(JSON.parse(event.data) as NotificationItem);
      } catch {
        // not an item: ignored
      }
    });
    stream.addEventListener('error', () => {
      if (source !== stream) return;
      connected.value = false;
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (an error status).
      if (stream.readyState === CLOSED) {
        stream.close();
        source = null;
        void recover();
      }
    });
  }

  /**
   * The stream was refused. Asking the list tells why: a lost session (401) is handled
   * globally (back to the login page); otherwise the stream is tried again later.
   */
  async function recover(): Promise<void> {
    try {
      await refresh();
    } catch (error) {
      const status = toApiError(error).status;
      if (status === 401 || status === 403) {
        stop();
        return;
      }
    }
    if (!started) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (started && !source) openStream();
    }, RETRY_MS);
  }

  /** Loads the latest and opens the stream; a second call does nothing. */
  async function start(streams: StreamFactory = browserStream): Promise<void> {
    if (started) return;
    started = true;
    factory = streams;
    openStream();
    await refresh().catch(() => undefined);
  }

  /** Closes the stream and forgets everything (the next user of this tab sees nothing). */
  function stop(): void {
    started = false;
    openedBefore = false;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    source?.close();
    source = null;
    connected.value = false;
    items.value = [];
    unread.value = 0;
  }

  return {
    items,
    unread,
    connected,
    loading,
    onArrival,
    refresh,
    receive,
    markRead,
    markAllRead,
    start,
    stop,
  };
});
