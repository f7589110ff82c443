import { SharedArray, SharedFloat, SharedInt } from '../../index';
import type { Scenario, ThreadContext } from '../thread-context';

// Each scenario adds 1 `iterations` times with one atomic operation; the test checks the sum.

function intAdd(t: ThreadContext): void {
  const value = t.obj(SharedInt, 'value');
  for (let i = t.num('iterations'); i > 0; i--) value.add(1);
}

/** Increments with a compare-and-swap loop; returns how many swaps lost a race. */
function intCompareExchange(t: ThreadContext): number {
  const value = t.obj(SharedInt, 'value');
  let retries = 0;
  for (let i = t.num('iterations'); i > 0; i--) {
    for (let seen = value.value; value.compareExchange(seen, seen + 1) !== seen;) {
      seen = value.value;
      retries++;
    }
  }
  return retries;
}

/** Element 0 by add(), element 1 by a compare-and-swap loop. */
function arrayAddAndSwap(t: ThreadContext): void {
  const array = t.obj(SharedArray, 'array');
  for (let i = t.num('iterations'); i > 0; i--) {
    array.add(0, 1);
    for (let seen = array.get(1); array.compareExchange(1, seen, seen + 1) !== seen;)
      seen = array.get(1);
  }
}

function floatAdd(t: ThreadContext): void {
  const value = t.obj(SharedFloat, 'value');
  for (let i = t.num('iterations'); i > 0; i--) value.add(1);
}

export const valueScenarios: Record<string, Scenario> = {
  intAdd,
  intCompareExchange,
  arrayAddAndSwap,
  floatAdd,
};
