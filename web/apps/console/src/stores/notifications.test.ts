import type * as apiModule from '@/api';
import { ApiError, type NotificationItem, type NotificationPage } from '@/api';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isConsolePath,
  LATEST,
  RETRY_MS,
  useNotificationStore,
  type StreamFactory,
  type StreamSource,
} from './notifications';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  markRead: vi.fn(),
  markAllRead: vi.fn(),
}));

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof apiModule>()),
  notificationApi: api,
}));

function item(id: number, readAt: string | null = null): NotificationItem {
  return {
    id,
    kind: 'EVENT_ASSIGNED',
    title: `通知 ${id}`,
    body: null,
    link: `/events/${id}`,
    subjectType: 'EVENT',
    subjectId: id,
    createdAt: `2026-11-24T08:00:${String(id % 60).padStart(2, '0')}Z`,
    readAt,
  };
}

function page(items: NotificationItem[], unread: number): NotificationPage {
  return { items, total: items.length, page: 1, size: LATEST, unread };
}

/** A stand-in for the browser's EventSource that the test drives. */
class FakeStream implements StreamSource {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  emit(type: string, data = ''): void {
    if (type === 'open') this.readyState = 1;
    this.listeners.get(type)?.forEach((l) => l({ data } as MessageEvent<string>));
  }

  push(notification: NotificationItem): void {
    this.emit('notification', JSON.stringify(notification));
  }
}

let streams: FakeStream[];
const factory: StreamFactory = (url) => {
  const stream = new FakeStream(url);
  streams.push(stream);
  return stream;
};

beforeEach(() => {
  setActivePinia(createPinia());
  streams = [];
  api.list.mockReset().mockResolvedValue(page([item(2), item(1, '2026-11-24T09:00:00Z')], 1));
  api.markRead
    .mockReset()
    .mockImplementation(async (id: number) => item(id, '2026-11-24T10:00:00Z'));
  api.markAllRead.mockReset().mockResolvedValue({ marked: 1 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('notification store', () => {
  it('loads the unread count and the latest items and opens the stream once', async () => {
    const store = useNotificationStore();
    await store.start(factory);
    await store.start(factory);

    expect(api.list).toHaveBeenCalledWith({ page: 1, size: LATEST });
    expect(store.unread).toBe(1);
    expect(store.items.map((i) => i.id)).toEqual([2, 1]);
    expect(streams).toHaveLength(1);
    expect(streams[0].url).toBe('/api/v1/notifications/stream');
  });

  it('counts a pushed notification, puts it first and announces it once', async () => {
    const store = useNotificationStore();
    const announced: number[] = [];
    store.onArrival((n) => announced.push(n.id));
    await store.start(factory);
    streams[0].emit('open');

    streams[0].push(item(3));
    streams[0].push(item(3));

    expect(store.unread).toBe(2);
    expect(store.items.map((i) => i.id)).toEqual([3, 2, 1]);
    expect(announced).toEqual([3]);
  });

  it('keeps only the latest items and ignores data that is not an item', async () => {
    const store = useNotificationStore();
    await store.start(factory);
    for (let id = 10; id < 10 + LATEST + 3; id++) streams[0].push(item(id));
    streams[0].emit('notification', 'not json');

    expect(store.items).toHaveLength(LATEST);
    expect(store.items[0].id).toBe(10 + LATEST + 2);
    expect(store.unread).toBe(1 + LATEST + 3);
  });

  it('marks one read once and all read', async () => {
    const store = useNotificationStore();
    await store.start(factory);

    await store.markRead(2);
    await store.markRead(2);
    await store.markRead(1);

    expect(api.markRead).toHaveBeenCalledTimes(1);
    expect(store.unread).toBe(0);
    expect(store.items.find((i) => i.id === 2)?.readAt).toBe('2026-11-24T10:00:00Z');

    streams[0].push(item(5));
    streams[0].push(item(6));
    await store.markAllRead();
    expect(store.unread).toBe(0);
    expect(store.items.every((i) => i.readAt)).toBe(true);
  });

  it('asks the server after marking one it does not list', async () => {
    const store = useNotificationStore();
    await store.start(factory);
    api.list.mockResolvedValue(page([item(2)], 1));

    await store.markRead(99);

    expect(api.markRead).toHaveBeenCalledWith(99);
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('reloads after the browser reconnects, not on the first open', async () => {
    const store = useNotificationStore();
    await store.start(factory);
    streams[0].emit('open');
    expect(api.list).toHaveBeenCalledTimes(1);

    streams[0].emit('error'); // CONNECTING: the browser retries by itself
    streams[0].emit('open');
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(streams).toHaveLength(1);
  });

  it('opens a new stream later when the browser gave up', async () => {
    vi.useFakeTimers();
    const store = useNotificationStore();
    await store.start(factory);
    streams[0].readyState = 2;
    streams[0].emit('error');
    await vi.advanceTimersByTimeAsync(RETRY_MS);

    expect(streams[0].closed).toBe(true);
    expect(streams).toHaveLength(2);
  });

  it('stops when the session is gone', async () => {
    vi.useFakeTimers();
    const store = useNotificationStore();
    await store.start(factory);
    api.list.mockRejectedValue(new ApiError(401, { status: 401 }));
    streams[0].readyState = 2;
    streams[0].emit('error');
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);

    expect(streams).toHaveLength(1);
    expect(store.items).toEqual([]);
    expect(store.unread).toBe(0);
  });

  it('forgets everything on stop and ignores a closed stream', async () => {
    const store = useNotificationStore();
    await store.start(factory);
    const old = streams[0];
    store.stop();
    old.push(item(7));

    expect(old.closed).toBe(true);
    expect(store.items).toEqual([]);
    expect(store.unread).toBe(0);

    await store.start(factory);
    expect(streams).toHaveLength(2);
  });
});

describe('isConsolePath', () => {
  it('follows console paths only', () => {
    expect(isConsolePath('/events/12')).toBe(true);
    expect(isConsolePath('//evil.example')).toBe(false);
    expect(isConsolePath('/\\evil.example')).toBe(false);
    expect(isConsolePath('https://evil.example')).toBe(false);
    expect(isConsolePath('javascript:alert(1)')).toBe(false);
    expect(isConsolePath(null)).toBe(false);
  });
});
