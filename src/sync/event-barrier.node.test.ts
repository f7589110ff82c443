import { afterAll, describe, expect, it } from 'vitest';
import { Barrier } from './barrier';
import { BrokenBarrierError } from './errors';
import { Event } from './event';
import { Heap } from './heap';
import { SharedArray, SharedInt } from './shared-values';
import { ThreadRunner } from './testing/thread-harness.node';

const threads = new ThreadRunner();
afterAll(() => threads.close());

const brokenBarrier = {
  name: 'BrokenBarrierError',
  message: expect.stringContaining("Barrier 'b'"),
};

describe('Event', () => {
  it('wait(t) returns false when nobody sets it', async () => {
    const heap = Heap.create();
    const event = new Event(heap);
    const results = await threads.run(heap, [
      { scenario: 'eventWait', params: { event: event.id, timeoutMs: 20 } },
    ]);
    expect(results).toEqual([false]);
  });

  it('every thread waiting when set() is called returns true, though clear() follows at once', async () => {
    for (let round = 0; round < 20; round++) {
      const heap = Heap.create();
      const event = new Event(heap);
      const waiter = { scenario: 'eventWait', params: { event: event.id, timeoutMs: 10_000 } };
      const results = await threads.run(heap, [
        waiter,
        waiter,
        waiter,
        { scenario: 'eventSetClear', params: { event: event.id } },
      ]);
      expect(results.slice(0, 3)).toEqual([true, true, true]);
      expect(event.isSet()).toBe(false);
    }
  });
});

/** Runs `rounds` generations of `parties` threads, from round `firstRound` of the records. */
function barrierRounds(heap: Heap, barrier: Barrier, rounds: number, firstRound = 0) {
  const arrived = new SharedArray(heap, firstRound + rounds);
  const indices = new SharedArray(heap, (firstRound + rounds) * barrier.parties);
  const params = {
    barrier: barrier.id,
    arrived: arrived.id,
    indices: indices.id,
    rounds,
    firstRound,
  };
  const jobs = Array.from({ length: barrier.parties }, () => ({
    scenario: 'barrierRounds',
    params,
  }));
  return {
    mixed: threads.run(heap, jobs),
    indices: () => indices.toArray().slice(firstRound * barrier.parties),
  };
}

describe('Barrier', () => {
  it.each([2, 3, 5])(
    '%i parties × 200 generations: never skip or mix, each index once',
    async (parties) => {
      for (let round = 0; round < 3; round++) {
        const heap = Heap.create();
        const barrier = new Barrier(heap, parties);
        const run = barrierRounds(heap, barrier, 200);
        expect(await run.mixed).toEqual(Array(parties).fill(0));
        expect(run.indices().every((count) => count === 1)).toBe(true);
        expect(barrier.nWaiting).toBe(0);
      }
    },
  );

  it.each([
    { how: 'abort()', reset: false },
    { how: 'reset()', reset: true },
  ])('$how breaks the wait of every waiter; reset() makes it usable again', async ({ reset }) => {
    for (let round = 0; round < 10; round++) {
      const heap = Heap.create();
      const barrier = new Barrier(heap, 4, { name: 'b' });
      const waiter = { scenario: 'barrierWait', params: { barrier: barrier.id } };
      const results = await threads.run(heap, [
        waiter,
        waiter,
        waiter,
        { scenario: 'barrierBreaker', params: { barrier: barrier.id, reset } },
      ]);
      expect(results.slice(0, 3)).toEqual(Array(3).fill({ index: -1, error: brokenBarrier }));
      expect(barrier.broken).toBe(!reset);
      if (!reset) {
        expect(() => barrier.wait(10)).toThrow(BrokenBarrierError);
        barrier.reset();
      }
      const run = barrierRounds(heap, barrier, 5);
      expect(await run.mixed).toEqual([0, 0, 0, 0]);
      expect(run.indices().every((count) => count === 1)).toBe(true);
    }
  });

  it('a waiter released by reset() fails even if a new generation trips before it wakes', async () => {
    for (let round = 0; round < 50; round++) {
      const heap = Heap.create();
      const barrier = new Barrier(heap, 2, { name: 'b' });
      const params = { barrier: barrier.id, step: new SharedInt(heap).id, waiter: 0 };
      const late = { scenario: 'barrierLateArrival', params };
      const results = await threads.run(heap, [
        { scenario: 'barrierWait', params },
        { scenario: 'barrierResetter', params },
        late,
        late,
      ]);
      expect(results[0]).toEqual({ index: -1, error: brokenBarrier });
      expect(results.slice(2).sort()).toEqual([0, 1]);
    }
  });

  it('a wait that times out breaks the barrier for the others', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const barrier = new Barrier(heap, 3, { name: 'b' });
      const results = await threads.run(heap, [
        { scenario: 'barrierWait', params: { barrier: barrier.id, timeoutMs: 30 } },
        { scenario: 'barrierWait', params: { barrier: barrier.id } },
      ]);
      expect(results).toEqual([
        { index: -1, error: { ...brokenBarrier, message: expect.stringMatching(/timed out/) } },
        { index: -1, error: brokenBarrier },
      ]);
      expect(barrier.broken).toBe(true);
    }
  });

  it('its default timeout applies when wait() is given none', async () => {
    const heap = Heap.create();
    const barrier = new Barrier(heap, 2, { name: 'b', timeoutMs: 20 });
    const results = await threads.run(heap, [
      { scenario: 'barrierWait', params: { barrier: barrier.id, useDefault: true } },
    ]);
    expect(results).toEqual([
      { index: -1, error: { ...brokenBarrier, message: expect.stringMatching(/timed out/) } },
    ]);
  });
});
