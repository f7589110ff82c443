import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Heap, SharedInt } from '../sync';
import { ThreadRunner } from '../sync/testing/thread-harness.node';
import { runtimeBytesFor } from './control';
import { SWITCH_INTERVAL_MS } from './gil';

const threads = new ThreadRunner(
  fileURLToPath(new URL('./testing/gil-worker.ts', import.meta.url)),
);
afterAll(() => threads.close());

const heapFor = (n: number) => Heap.create({ maxThreads: n, runtimeBytes: runtimeBytesFor(n) });

describe('the simulated GIL on real threads', () => {
  it('has one holder at a time, and every thread gets it from the others', async () => {
    for (let round = 0; round < 10; round++) {
      const heap = heapFor(4);
      const params = { inside: new SharedInt(heap).id, holder: new SharedInt(heap, -1).id };
      const job = { scenario: 'gilExclusive', params: { ...params, iterations: 200 } };
      const results = (await threads.run(heap, [job, job, job, job])) as {
        maxInside: number;
        takenOver: number;
      }[];
      expect(results.map((r) => r.maxInside)).toEqual([1, 1, 1, 1]);
      // Every tenth step lets go: each thread must have taken the GIL over from another.
      for (const { takenOver } of results) expect(takenOver).toBeGreaterThan(0);
    }
  });

  it('a holder that only calls checkpoint() hands over to a waiter after the switch interval, and does not take it straight back', async () => {
    for (let round = 0; round < 3; round++) {
      const heap = heapFor(2);
      const params = {
        taken: new SharedInt(heap).id,
        holding: new SharedInt(heap).id,
        handovers: 20,
      };
      const [holder, waitsMs] = (await threads.run(heap, [
        { scenario: 'gilHolder', params },
        { scenario: 'gilWaiter', params },
      ])) as [{ handOvers: number; retaken: number }, number[]];
      // The holder never releases by itself: the waiter got the GIL only through drop requests.
      expect(waitsMs).toHaveLength(20);
      // FORCE_SWITCHING: a checkpoint that drops the GIL returns only after the waiter had it.
      // (A request can also arrive between the holder's look and its checkpoint: such hand-overs
      // are not counted, so handOvers may be below 20 but not 0.)
      expect(holder.handOvers).toBeGreaterThan(0);
      expect(holder.retaken).toBe(0);
      // A waiter asks for the GIL only once it has waited a whole switch interval (the timer's
      // rounding aside). Only a lower bound: a busy machine makes waits longer, never shorter.
      for (const ms of waitsMs) expect(ms).toBeGreaterThanOrEqual(SWITCH_INTERVAL_MS - 0.5);
    }
  });
});
