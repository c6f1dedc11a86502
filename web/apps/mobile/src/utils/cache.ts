/** Small JSON values kept in localStorage so that the app works without a network. */
const PREFIX = 'govgrid.m.';

export function readCache<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeCache(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // full or unavailable: the app still works online
  }
}

/** Network first; when that fails, the last answer (and remembers each good answer). */
export async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    writeCache(key, value);
    return value;
  } catch (error) {
    const previous = readCache<T>(key);
    if (previous !== null && (error as { status?: number }).status === 0) return previous;
    throw error;
  }
}

/**
 * A deep plain copy of JSON data: Vue's reactive proxies cannot be stored in IndexedDB
 * (structured clone refuses them), so queued writes are copied through this first.
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
