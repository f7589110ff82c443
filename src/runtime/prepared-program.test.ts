import { describe, expect, it } from 'vitest';
import { keepPrepared, restorePrepared, type PreparedProgram } from './prepared-program';

describe('a prepared program’s memory', () => {
  it('is restored byte for byte into a fresh run’s memory, keeping only pages that hold anything', () => {
    const first = new SharedArrayBuffer(64 * 1024);
    const bytes = new Uint8Array(first);
    bytes[3] = 7;
    bytes[20_000] = 1;
    bytes[65_535] = 255;
    const cache: PreparedProgram = {};
    const fresh = new SharedArrayBuffer(64 * 1024);
    expect(restorePrepared(cache, fresh)).toBe(false);
    keepPrepared(cache, first, { form: 'spmd', hasCheck: true, exports: ['thread'] });
    expect(cache.pages?.map((p) => p.at)).toEqual([0, 16_384, 61_440]);
    expect(restorePrepared(cache, fresh)).toBe(true);
    expect(new Uint8Array(fresh)).toEqual(bytes);
    // The kept pages are copies: the first run's later writes do not reach the next runs.
    bytes[3] = 9;
    const again = new SharedArrayBuffer(64 * 1024);
    restorePrepared(cache, again);
    expect(new Uint8Array(again)[3]).toBe(7);
  });
});
