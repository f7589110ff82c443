import { SharedInt } from '../../sync';
import {
  PATIENCE_MS,
  sleepMs,
  waitUntil,
  type Scenario,
  type ThreadContext,
} from '../../sync/testing/thread-context';
import { ControlWord, Control } from '../control';
import { Gil } from '../gil';

// Threads that share one simulated GIL on real worker_threads. Each records what it saw in
// shared counters, which the test reads once every thread has ended.

const nowMs = () => performance.now();

/** This thread's GIL over the run's control area. */
function gilOf(t: ThreadContext): Gil {
  return new Gil(new Control(t.heap), t.threadId, () => {});
}

/**
 * Every thread runs `iterations` short steps holding the GIL, at a checkpoint between steps,
 * and every tenth step lets go as a blocking call would. `inside` counts threads inside a step;
 * `holder` is the last thread that found itself holding the GIL. Returns the most threads seen
 * inside at once and how many times this thread took the GIL over from another.
 */
function gilExclusive(t: ThreadContext): { maxInside: number; takenOver: number } {
  const gil = gilOf(t);
  const inside = t.obj(SharedInt, 'inside');
  const holder = t.obj(SharedInt, 'holder');
  let maxInside = 0;
  let takenOver = 0;
  const holding = () => {
    if (holder.compareExchange(holder.value, t.threadId) !== t.threadId) takenOver++;
  };
  gil.acquire();
  holding();
  for (let i = 0; i < t.num('iterations'); i++) {
    maxInside = Math.max(maxInside, inside.add(1) + 1);
    for (let spin = 0; spin < 2_000; spin++) if (inside.value !== 1) maxInside = 2;
    inside.add(-1);
    if (i % 10 === 9) {
      gil.release();
      sleepMs(0.05);
      gil.acquire();
    } else {
      gil.checkpoint();
    }
    holding();
  }
  gil.release();
  return { maxInside, takenOver };
}

/**
 * Thread 0 takes the GIL and never lets go of its own accord: it only calls checkpoint(), as a
 * CPU-bound loop does, until the other thread has taken the GIL `handovers` times. Returns how
 * many checkpoints were asked to hand over (a drop request with a waiter), and how many of those
 * came back holding the GIL without the other thread having taken it in between.
 */
function gilHolder(t: ThreadContext): { handOvers: number; retaken: number } {
  const gil = gilOf(t);
  const control = new Control(t.heap);
  const taken = t.obj(SharedInt, 'taken');
  const holding = t.obj(SharedInt, 'holding');
  gil.acquire();
  holding.value = 1;
  let handOvers = 0;
  let retaken = 0;
  const deadline = nowMs() + PATIENCE_MS;
  while (taken.value < t.num('handovers')) {
    if (nowMs() > deadline) throw new Error(`The waiter took the GIL ${taken.value} times only.`);
    // Only waiters set the drop request and only an acquirer clears it, so while this thread
    // holds the GIL a request seen here is still there when checkpoint() looks.
    const asked =
      control.load(ControlWord.gilDrop) !== 0 && control.load(ControlWord.gilWaiters) > 0;
    const before = taken.value;
    gil.checkpoint();
    holding.value = 1;
    if (asked) {
      handOvers++;
      if (taken.value === before) retaken++;
    }
  }
  gil.release();
  return { handOvers, retaken };
}

/**
 * Thread 1 takes the GIL `handovers` times, each time from thread 0, and gives it back at once.
 * Returns how long each acquire waited (ms).
 */
function gilWaiter(t: ThreadContext): number[] {
  const gil = gilOf(t);
  const taken = t.obj(SharedInt, 'taken');
  const holding = t.obj(SharedInt, 'holding');
  const waitsMs: number[] = [];
  for (let i = 0; i < t.num('handovers'); i++) {
    // Only once thread 0 holds it again: a release followed at once by an acquire may simply
    // win the free GIL, which is not a hand-over.
    waitUntil('thread 0 holds the GIL', () => holding.value === 1);
    const start = nowMs();
    gil.acquire();
    waitsMs.push(nowMs() - start);
    holding.value = 0;
    taken.add(1);
    gil.release();
  }
  return waitsMs;
}

export const gilScenarios: Readonly<Record<string, Scenario>> = {
  gilExclusive,
  gilHolder,
  gilWaiter,
};
