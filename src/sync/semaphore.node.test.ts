import { afterAll, describe, expect, it } from 'vitest';
import { SyncMisuseError } from './errors';
import { Heap } from './heap';
import { BoundedSemaphore, Semaphore } from './semaphore';
import { SharedInt } from './shared-values';
import { ThreadRunner } from './testing/thread-harness.node';

const threads = new ThreadRunner();
afterAll(() => threads.close());

describe.each([
  { k: 1, n: 3 },
  { k: 2, n: 4 },
  { k: 3, n: 5 },
])('Semaphore($k) with $n threads', ({ k, n }) => {
  it('never has more than k holders, does reach k, and maxHolders says so', async () => {
    for (let round = 0; round < 20; round++) {
      const heap = Heap.create();
      const semaphore = round % 2 ? new BoundedSemaphore(heap, k) : new Semaphore(heap, k);
      const [inside, gate] = [new SharedInt(heap), new SharedInt(heap)];
      const params = { semaphore: semaphore.id, inside: inside.id, gate: gate.id, k };
      const jobs = Array.from({ length: n }, () => ({
        scenario: 'semaphoreHolders',
        params: { ...params, iterations: 2_000 },
      }));
      const seen = (await threads.run(heap, jobs)) as number[];
      expect(Math.max(...seen)).toBe(k);
      expect(semaphore.maxHolders).toBe(k);
      expect(semaphore.value).toBe(k);
    }
  });
});

describe('Semaphore errors and timeouts', () => {
  it('a negative initial value throws', () => {
    const heap = Heap.create();
    expect(() => new Semaphore(heap, -1)).toThrow(RangeError);
    expect(() => new BoundedSemaphore(heap, -2)).toThrow(RangeError);
  });

  it('a BoundedSemaphore released past its initial value throws, naming it and the thread', () => {
    const heap = Heap.create();
    const semaphore = new BoundedSemaphore(heap, 2, { name: 'pool' });
    semaphore.acquire(0);
    semaphore.release();
    expect(() => semaphore.release()).toThrow(SyncMisuseError);
    expect(() => semaphore.release()).toThrow(/thread main \(#0\).*BoundedSemaphore 'pool'/);
    expect(semaphore.value).toBe(2);
    const plain = new Semaphore(heap, 2);
    plain.release(3);
    expect(plain.value).toBe(5);
  });

  it('acquire(t) and acquire(0) return false while the only permit is held', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const semaphore = new Semaphore(heap, 1);
      const step = new SharedInt(heap);
      const params = { lock: semaphore.id, step: step.id, timeoutMs: 20 };
      const [, result] = await threads.run(heap, [
        { scenario: 'holder', params },
        { scenario: 'contender', params },
      ]);
      expect(result).toEqual({ timed: false, nowait: false });
      expect(semaphore.value).toBe(1);
    }
  });

  it('a release before any acquire adds a permit without counting a holder below zero', () => {
    const heap = Heap.create();
    const semaphore = new Semaphore(heap, 1);
    semaphore.release();
    expect(semaphore.acquire(0)).toBe(true);
    expect(semaphore.acquire(0)).toBe(true);
    expect(semaphore.maxHolders).toBe(2);
    semaphore.release(2);
    semaphore.release(3);
    expect(semaphore.acquire(0)).toBe(true);
    expect(semaphore.maxHolders).toBe(2);
    expect(semaphore.value).toBe(4);
  });
});
