import { NOTIFICATION_STREAM_URL, notificationApi, type NotificationItem } from '@govgrid/api';
import { defineStore } from 'pinia';
import { ref } from 'vue';

/** The worker's notifications, kept live through `EventSource(/api/v1/notifications/stream)`. */
export const useNotificationStore = defineStore('notifications', () => {
  const items = ref<NotificationItem[]>([]);
  const unread = ref(0);
  const loading = ref(false);
  let source: EventSource | null = null;

  async function load() {
    loading.value = true;
    try {
      const page = await notificationApi.list({ page: 1, size: 50 });
      items.value = page.items;
      unread.value = page.unread;
    } catch {
      // offline: keep what is shown
    } finally {
      loading.value = false;
    }
  }

  function connect() {
    if (source || typeof EventSource === 'undefined') return;
    void load();
    source = new EventSource(NOTIFICATION_STREAM_URL, { withCredentials: true });
    source.addEventListener('notification', (message) => {
      try {
        const item = JSON.parse((message as MessageEvent<string>).data) as NotificationItem;
        if (!items.value.some((i) => i.id === item.id)) {
          items.value = [item, ...items.value];
          if (!item.readAt) unread.value += 1;
        }
      } catch {
        // not an item: ignored
      }
    });
    // the browser reconnects by itself; what arrived in between comes with a reload
    source.addEventListener('open', () => void load());
  }

  function disconnect() {
    source?.close();
    source = null;
    items.value = [];
    unread.value = 0;
  }

  async function markRead(item: NotificationItem) {
    if (item.readAt) return;
    const updated = await notificationApi.markRead(item.id);
    items.value = items.value.map((i) => (i.id === item.id ? updated : i));
    unread.value = Math.max(0, unread.value - 1);
  }

  async function markAllRead() {
    await notificationApi.markAllRead();
    const now = new Date().toISOString();
    items.value = items.value.map((i) => (i.readAt ? i : { ...i, readAt: now }));
    unread.value = 0;
  }

  return { items, unread, loading, load, connect, disconnect, markRead, markAllRead };
});
