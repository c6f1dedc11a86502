/**
 * A random v4 UUID for `Idempotency-Key`. `crypto.randomUUID` exists only in secure contexts
 * (https, localhost); an intranet console on plain http falls back to `getRandomValues`.
 */
export function randomUuid(source: Crypto | undefined = globalThis.crypto): string {
  if (source && typeof source.randomUUID === 'function') {
    try {
      return source.randomUUID();
    } catch {
      // insecure context in some browsers: fall through
    }
  }
  const bytes = new Uint8Array(16);
  if (source && typeof source.getRandomValues === 'function') {
    source.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
