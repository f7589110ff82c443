import { afterAll, describe, expect, it } from 'vitest';
import { setContext } from './context';
import { Heap } from './heap';
import { abandonLocksOf } from './index';
import { AbandonedError, SyncMisuseError } from './errors';
import { BlockOp } from './kinds';
import { Lock } from './lock';
import { RLock } from './rlock';
import { SharedInt } from './shared-values';
import { ThreadRunner } from './testing/thread-harness.node';

const threads = new ThreadRunner();
afterAll(() => threads.close());

const times = (n: number) => Array.from({ length: n }, (_, i) => i);

describe.each([
  { kind: 'Lock', reentrant: false },
  { kind: 'RLock (entered twice)', reentrant: true },
])('$kind mutual exclusion on real threads', ({ reentrant }) => {
  it('4 threads × 20,000 plain increments under the lock: exact total, one thread inside', async () => {
    for (let round = 0; round < 20; round++) {
      const heap = Heap.create();
      const lock = reentrant ? new RLock(heap) : new Lock(heap);
      const counter = new SharedInt(heap);
      const inside = new SharedInt(heap);
      const params = { lock: lock.id, counter: counter.id, inside: inside.id, reentrant };
      const jobs = times(4).map(() => ({
        scenario: 'lockIncrement',
        params: { ...params, iterations: 20_000 },
      }));
      const maxInside = await threads.run(heap, jobs);
      expect(counter.value).toBe(80_000);
      expect(maxInside).toEqual([1, 1, 1, 1]);
      expect(lock.locked()).toBe(false);
    }
  });
});

describe('Without a lock', () => {
  // Other test files keep both cores busy, so the two threads sometimes run one after the other
  // and lose nothing: rounds go on until one overlaps (most lose 40–50 %).
  it('2 threads × 4,000,000 plain increments really lose updates', async () => {
    const totals: number[] = [];
    for (let round = 0; round < 20 && !totals.some((total) => total < 8e6); round++) {
      const heap = Heap.create();
      const counter = new SharedInt(heap);
      const params = { counter: counter.id, arrived: new SharedInt(heap).id, iterations: 4e6 };
      const job = { scenario: 'plainIncrement', params };
      await threads.run(heap, [job, job]);
      totals.push(counter.value);
    }
    expect(Math.min(...totals)).toBeLessThan(8e6);
  });
});

describe.each([
  { kind: 'Lock', make: (heap: Heap) => new Lock(heap) },
  { kind: 'RLock', make: (heap: Heap) => new RLock(heap) },
])('$kind timeouts', ({ make }) => {
  it('acquire(t) and acquire(0) return false while another thread holds it', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const lock = make(heap);
      const step = new SharedInt(heap);
      const params = { lock: lock.id, step: step.id, timeoutMs: 20 };
      const [, result] = await threads.run(heap, [
        { scenario: 'holder', params },
        { scenario: 'contender', params },
      ]);
      expect(result).toEqual({ timed: false, nowait: false });
      expect(lock.locked()).toBe(false);
    }
  });
});

describe('Misuse errors name the object and the thread', () => {
  it('releasing an unlocked Lock', async () => {
    const heap = Heap.create();
    const lock = new Lock(heap, { name: 'forkA' });
    const [error] = await threads.run(heap, [
      { scenario: 'releaseNotHeld', params: { lock: lock.id }, threadId: 3, threadName: 'phil-3' },
    ]);
    expect(error).toEqual({
      name: 'SyncMisuseError',
      message: expect.stringMatching(/phil-3 \(#3\).*Lock 'forkA'.*not locked/),
    });
    expect(() => lock.release()).toThrow(SyncMisuseError);
  });

  it('releasing an RLock another thread owns', async () => {
    const heap = Heap.create();
    const rlock = new RLock(heap, { name: 'door' });
    rlock.acquire(); // held by this (the test's) thread: #0
    const [error] = await threads.run(heap, [
      { scenario: 'releaseNotHeld', params: { lock: rlock.id }, threadId: 2, threadName: 'w2' },
    ]);
    expect(error).toEqual({
      name: 'SyncMisuseError',
      message: expect.stringMatching(/w2 \(#2\).*RLock 'door'.*thread #0 holds/),
    });
    expect(rlock.owner()).toBe(0);
    rlock.release();
    expect(() => rlock.release()).toThrow(/not held/);
  });
});

describe('The blocked-on words the watchdog reads', () => {
  it('a waiter publishes the lock it waits for; the lock publishes its holder', async () => {
    for (let round = 0; round < 10; round++) {
      const heap = Heap.create();
      const lock = new Lock(heap);
      const step = new SharedInt(heap);
      const params = { lock: lock.id, step: step.id };
      const [seen, blockedAfter] = await threads.run(heap, [
        { scenario: 'holdWhileWatched', params: { ...params, watched: 1 } },
        { scenario: 'acquireWhenHeld', params },
      ]);
      expect(seen).toEqual({
        blockedOn: lock.id + 1,
        blockedOp: BlockOp.Acquire,
        blockedTimed: 1,
        owner: 1,
      });
      expect(blockedAfter).toBe(0);
    }
  });
});

describe('Abandoned locks', () => {
  // Waiters would wait 60 s; a run that takes 5 s means one slept through the abandon.
  const stuck = { timeoutMs: 5_000 };

  it('waiters of a dead thread’s Lock and RLock fail instead of hanging, and so do later ones', async () => {
    for (let round = 0; round < 150; round++) {
      const heap = Heap.create();
      const lock = new Lock(heap, { name: 'l' });
      const rlock = new RLock(heap, { name: 'r' });
      const step = new SharedInt(heap);
      const params = { lock: lock.id, rlock: rlock.id, step: step.id, timeoutMs: 60_000 };
      const waiter = (id: number) => ({
        scenario: 'acquireAbandoned',
        params: { ...params, lock: id },
      });
      const dying = { scenario: 'holdAndDie', params: { ...params, pause: round % 2 === 1 } };
      const results = await threads.run(
        heap,
        [waiter(lock.id), waiter(lock.id), waiter(rlock.id), waiter(rlock.id), dying],
        stuck,
      );
      expect(results.pop()).toEqual(['l', 'r']);
      for (const [i, result] of results.entries()) {
        expect(result).toEqual({
          acquired: false,
          error: {
            name: 'AbandonedError',
            message: expect.stringMatching(
              i < 2 ? /Lock 'l'.*thread 4 died/ : /RLock 'r'.*thread 4 died/,
            ),
          },
        });
      }
      const late = await threads.run(heap, [waiter(lock.id), waiter(rlock.id)], stuck);
      expect(late.map((r) => (r as { error: { name: string } }).error.name)).toEqual([
        'AbandonedError',
        'AbandonedError',
      ]);
      expect(() => lock.acquire(1000)).toThrow(AbandonedError);
      expect(() => rlock.acquire(1000)).toThrow(AbandonedError);
    }
  });

  it('acquire(0) and tryAcquire() on an abandoned lock raise instead of answering "busy"', () => {
    const heap = Heap.create();
    const lock = new Lock(heap, { name: 'l' });
    const rlock = new RLock(heap, { name: 'r' });
    setContext({ threadId: 3, threadName: 'T3', sink: null, hooks: null });
    lock.acquire();
    rlock.acquire();
    abandonLocksOf(heap, 3);
    setContext({ threadId: 0, threadName: 'main', sink: null, hooks: null });
    for (const held of [lock, rlock]) {
      expect(() => held.acquire(0)).toThrow(AbandonedError);
      expect(() => held.tryAcquire()).toThrow(/thread 3 died/);
    }
  });
});
