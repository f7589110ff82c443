import { afterAll, describe, expect, it } from 'vitest';
import { Condition } from './condition';
import { Heap } from './heap';
import { Lock } from './lock';
import { RLock } from './rlock';
import { SharedArray, SharedInt } from './shared-values';
import type { ThreadJob } from './testing/protocol';
import { ThreadRunner } from './testing/thread-harness.node';

const threads = new ThreadRunner();
afterAll(() => threads.close());

describe.each([
  { lockKind: 'Lock', producers: 2, consumers: 3, capacity: 2 },
  { lockKind: 'RLock', producers: 3, consumers: 2, capacity: 1 },
])('Bounded buffer on a $lockKind: $producers producers, $consumers consumers', (shape) => {
  it('consumes every item exactly once, in each producer’s order, with no lost wake-up', async () => {
    const perProducer = 2_000;
    const total = shape.producers * perProducer;
    for (let round = 0; round < 8; round++) {
      const heap = Heap.create();
      const lock = shape.lockKind === 'Lock' ? new Lock(heap) : new RLock(heap);
      const params = {
        notFull: new Condition(heap, lock).id,
        notEmpty: new Condition(heap, lock).id,
        buf: new SharedArray(heap, shape.capacity).id,
        state: new SharedArray(heap, 3).id,
        perProducer,
        total,
      };
      const seen = new SharedArray(heap, total);
      const jobs: ThreadJob[] = [
        ...Array.from({ length: shape.producers }, (_, producer) => ({
          scenario: 'producer',
          params: { ...params, producer },
        })),
        ...Array.from({ length: shape.consumers }, () => ({
          scenario: 'consumer',
          params: { ...params, seen: seen.id },
        })),
      ];
      const results = await threads.run(heap, jobs);
      expect(results.slice(shape.producers)).toEqual(Array(shape.consumers).fill(0));
      expect(seen.toArray().every((count) => count === 1)).toBe(true);
    }
  });
});

describe('Condition wait and notify', () => {
  it('wait(t) and waitFor(pred, t) give up when nobody notifies', async () => {
    const heap = Heap.create();
    const condition = new Condition(heap);
    const [result] = await threads.run(heap, [
      { scenario: 'waitAlone', params: { condition: condition.id, timeoutMs: 20 } },
    ]);
    expect(result).toEqual({ waited: false, waitedFor: 0 });
    expect(condition.waiting).toBe(0);
    expect(condition.lock.locked()).toBe(false);
  });

  it.each([
    { waiters: 4, n: 1 },
    { waiters: 4, n: 2 },
    { waiters: 3, n: 3 },
  ])('notify($n) with $waiters waiting wakes exactly $n', async ({ waiters, n }) => {
    for (let round = 0; round < 10; round++) {
      const heap = Heap.create();
      const condition = new Condition(heap, round % 2 ? new Lock(heap) : undefined);
      const phase = new SharedInt(heap);
      const returned = new SharedInt(heap);
      const params = { condition: condition.id, phase: phase.id, returned: returned.id };
      const results = await threads.run(heap, [
        ...Array.from({ length: waiters }, () => ({
          scenario: 'notifiedWaiter',
          params: { ...params, timeoutMs: 10_000 },
        })),
        { scenario: 'notifier', params: { ...params, waiters, n, releaseRest: true } },
      ]);
      const notifier = results.pop();
      expect(notifier).toEqual({ waitingAfterNotify: waiters - n });
      const firstPhase = results.filter((r) => (r as { phase: number }).phase === 1);
      expect(firstPhase).toEqual(Array(n).fill({ woke: true, phase: 1 }));
      expect(results.every((r) => (r as { woke: boolean }).woke)).toBe(true);
    }
  });

  it('k waiters with a timeout, notify(1): exactly one returns true', async () => {
    for (let round = 0; round < 2; round++) {
      const heap = Heap.create();
      const condition = new Condition(heap);
      const [phase, returned] = [new SharedInt(heap), new SharedInt(heap)];
      const params = { condition: condition.id, phase: phase.id, returned: returned.id };
      const results = await threads.run(heap, [
        ...Array.from({ length: 3 }, () => ({
          scenario: 'notifiedWaiter',
          params: { ...params, timeoutMs: 300 },
        })),
        { scenario: 'notifier', params: { ...params, waiters: 3, n: 1 } },
      ]);
      results.pop();
      const woke = results.map((r) => (r as { woke: boolean }).woke);
      expect(woke.filter(Boolean)).toEqual([true]);
      expect(condition.waiting).toBe(0);
    }
  });

  it('a notify that lands after the timeout, before the lock is re-taken, counts as a wake-up', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const condition = new Condition(heap, round % 2 ? new Lock(heap) : undefined);
      const [phase, returned] = [new SharedInt(heap), new SharedInt(heap)];
      const params = { condition: condition.id, phase: phase.id, returned: returned.id };
      const [waiter, notifier] = await threads.run(heap, [
        { scenario: 'notifiedWaiter', params: { ...params, timeoutMs: 20 } },
        { scenario: 'lateNotifier', params: { ...params, waiter: 0 } },
      ]);
      // The waiter had timed out and was still listed when notify(1) took it off the list.
      expect(notifier).toEqual({ waitingWhenNotified: 1 });
      expect(waiter).toEqual({ woke: true, phase: 0 });
      expect(condition.waiting).toBe(0);
    }
  });

  it('wait() and notify() without the lock throw, naming the condition and the thread', async () => {
    const heap = Heap.create();
    const condition = new Condition(heap, undefined, { name: 'ready' });
    const [result] = await threads.run(heap, [
      { scenario: 'conditionMisuse', params: { condition: condition.id }, threadName: 'w0' },
    ]);
    const error = (what: string) => ({
      name: 'SyncMisuseError',
      message: expect.stringMatching(new RegExp(`w0 \\(#0\\).*${what}.*Condition 'ready'`)),
    });
    expect(result).toEqual({ wait: error('wait\\(\\)'), notify: error('notify\\(\\)') });
    expect(condition.lock.name).toBe('ready.lock');
  });

  it('waiters whose wait ends on an abandoned lock raise, and leave the wait list', async () => {
    for (let round = 0; round < 10; round++) {
      const heap = Heap.create();
      const condition = new Condition(heap, round % 2 ? new Lock(heap) : undefined);
      const params = { condition: condition.id, timeoutMs: 20, waiters: 3 };
      const results = await threads.run(heap, [
        ...Array.from({ length: 3 }, () => ({ scenario: 'abandonedWaiter', params })),
        { scenario: 'takeAndDie', params },
      ]);
      expect(results.slice(0, 3)).toEqual(['AbandonedError', 'AbandonedError', 'AbandonedError']);
      expect(condition.waiting).toBe(0);
    }
  });
});
