import { afterAll, describe, expect, it } from 'vitest';
import { Heap } from './heap';
import { SharedArray, SharedFloat, SharedInt } from './shared-values';
import { ThreadRunner } from './testing/thread-harness.node';

const threads = new ThreadRunner();
afterAll(() => threads.close());

const THREADS = 4;
const ITERATIONS = 25_000;

/** Runs `scenario` on THREADS threads with `params`, ITERATIONS each. */
function hammer(heap: Heap, scenario: string, params: Record<string, number>) {
  const job = { scenario, params: { ...params, iterations: ITERATIONS } };
  return threads.run(heap, Array(THREADS).fill(job));
}

describe('Shared values under contention', () => {
  it('SharedInt.add and a compareExchange loop are exact', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const added = new SharedInt(heap, 5);
      await hammer(heap, 'intAdd', { value: added.id });
      expect(added.value).toBe(5 + THREADS * ITERATIONS);
      const swapped = new SharedInt(heap, -3);
      await hammer(heap, 'intCompareExchange', { value: swapped.id });
      expect(swapped.value).toBe(-3 + THREADS * ITERATIONS);
    }
  });

  it('SharedArray.add and compareExchange are exact', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const array = new SharedArray(heap, 3, 10);
      await hammer(heap, 'arrayAddAndSwap', { array: array.id });
      expect(array.toArray()).toEqual([10 + THREADS * ITERATIONS, 10 + THREADS * ITERATIONS, 10]);
    }
  });

  it('SharedFloat.add is exact with integers', async () => {
    for (let round = 0; round < 5; round++) {
      const heap = Heap.create();
      const value = new SharedFloat(heap, 0.5);
      await hammer(heap, 'floatAdd', { value: value.id });
      expect(value.value).toBe(0.5 + THREADS * ITERATIONS);
    }
  });

  it('return the previous value, as Atomics does', () => {
    const heap = Heap.create();
    const int = new SharedInt(heap, 7);
    expect([int.add(2), int.compareExchange(9, 1), int.compareExchange(9, 5), int.value]).toEqual([
      7, 9, 1, 1,
    ]);
    const float = new SharedFloat(heap, 1.5);
    expect([float.add(1), float.compareExchange(2.5, 4), float.compareExchange(0, 8)]).toEqual([
      1.5, 2.5, 4,
    ]);
    expect(float.value).toBe(4);
  });
});
