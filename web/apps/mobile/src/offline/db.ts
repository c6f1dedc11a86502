import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueueItem, QueueStore } from './types';

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: QueueItem; indexes: { createdAt: number } };
}

/** The queue in IndexedDB: store `outbox` keyed by the idempotency key, photos kept as blobs. */
export function indexedDbStore(name = 'govgrid-mobile'): QueueStore {
  let db: Promise<IDBPDatabase<OutboxDb>> | null = null;
  const open = () =>
    (db ??= openDB<OutboxDb>(name, 1, {
      upgrade(database) {
        database
          .createObjectStore('outbox', { keyPath: 'id' })
          .createIndex('createdAt', 'createdAt');
      },
    }));
  return {
    async all() {
      return (await open()).getAllFromIndex('outbox', 'createdAt');
    },
    async get(id) {
      return (await open()).get('outbox', id);
    },
    async put(item) {
      await (await open()).put('outbox', item);
    },
    async delete(id) {
      await (await open()).delete('outbox', id);
    },
  };
}
