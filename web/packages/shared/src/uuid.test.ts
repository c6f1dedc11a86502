import { describe, expect, it } from 'vitest';
import { randomUuid } from './uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  it('uses crypto.randomUUID when the context allows it', () => {
    const fake = { randomUUID: () => '00000000-0000-4000-8000-000000000000' } as unknown as Crypto;
    expect(randomUuid(fake)).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('builds a v4 UUID from getRandomValues on plain http', () => {
    const fake = {
      getRandomValues: <T extends ArrayBufferView>(array: T) => {
        new Uint8Array(array.buffer).fill(0xff);
        return array;
      },
    } as unknown as Crypto;
    const id = randomUuid(fake);
    expect(id).toMatch(V4);
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('is different every time', () => {
    const a = randomUuid();
    const b = randomUuid();
    expect(a).toMatch(V4);
    expect(a).not.toBe(b);
    expect(randomUuid(undefined)).toMatch(V4);
  });

  it('makes v4 UUIDs also without randomUUID', () => {
    const fallback = randomUuid({
      getRandomValues: <T extends ArrayBufferView>(a: T) => a,
    } as unknown as Crypto);
    expect(fallback).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(randomUuid()).not.toBe(randomUuid());
  });
});
