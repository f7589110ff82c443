import { Blocking } from './blocking';
import { deadlineOf, nowMs } from './clock';
import { context } from './context';
import { AbandonedError } from './errors';
import type { Heap } from './heap';
import { BlockOp, WakeResult } from './kinds';

// Drepper, "Futexes Are Tricky" (2011), §6 "Mutex, Take 3" (class mutex3: the three-state mutex of
// Take 2, with the exchange below in place of Take 2's compare-and-swap loop). The lock word is
//   0 unlocked · 1 locked, no waiters · 2 locked, maybe waiters · 3 abandoned (owner died).
// Lock: CAS 0→1 (fast path); otherwise swap in 2 and sleep while the word is 2.
// Unlock: decrement; if the old value was 2 (someone may sleep), store 0 and wake one.
// Abandon (ours, not Drepper's): a terminal value no waiter overwrites, so a waiter between its
// abandoned-check and Atomics.wait cannot sleep through the abandon's one notify.

/** The lock word of a lock whose owner died (see {@link abandonWord}). */
export const ABANDONED = 3;

/**
 * Spins of the internal mutex before sleeping: its critical sections are a few plain reads and
 * writes, far shorter than waking a sleeping thread (a spin costs a fraction of a wake-up).
 */
const SPINS = 64;

/**
 * Takes the futex word at `index`, blocking as object `objectId` (published for the watchdog and
 * the trace). `timeoutMs` 0 never blocks; undefined waits forever. After every wake it checks
 * whether the owner died, so waiters of a dead owner fail instead of hanging.
 */
export function lockWord(
  heap: Heap,
  index: number,
  objectId: number,
  timeoutMs: number | undefined,
  kindName: string,
): boolean {
  const i32 = heap.i32;
  const seen = Atomics.compareExchange(i32, index, 0, 1);
  if (seen === 0) return true;
  // An abandoned lock is an error for every acquirer, a non-blocking one too (not "busy").
  if (seen === ABANDONED) throw abandonedError(heap, objectId, kindName, context().threadName);
  if (timeoutMs === 0) return false;
  // No spinning here: on 2 vCPUs a spinning waiter steals the lock from its releaser and moves
  // the cache line between cores at every hand-over, which cost far more throughput than it saved
  // (the bench's lock-contended-vs-futex figure compares against Drepper's non-spinning lock).
  const blocking = new Blocking(heap, objectId, BlockOp.Acquire, timeoutMs);
  blocking.checkAbandoned(kindName);
  for (let c = markWaiting(i32, index); c !== 0; c = markWaiting(i32, index)) {
    // abandonWord flags the object before it stores ABANDONED, so this throws.
    if (c === ABANDONED) blocking.checkAbandoned(kindName);
    if (!blocking.wait(index, 2)) {
      blocking.end(WakeResult.Timeout);
      return false;
    }
  }
  blocking.end(WakeResult.Ok);
  return true;
}

/**
 * Drepper's `exchange(word, 2)`, except that it never overwrites ABANDONED (a plain exchange
 * could turn 3 back into 2 and put a later waiter to sleep for good). Returns the old value:
 * 0 means the caller now holds the lock.
 */
function markWaiting(i32: Int32Array, index: number): number {
  for (;;) {
    const c = Atomics.load(i32, index);
    if (c === 2 || c === ABANDONED || Atomics.compareExchange(i32, index, c, 2) === c) return c;
  }
}

/**
 * Takes the futex word without ever blocking the calling thread: for the browser's main thread,
 * where Atomics.wait throws. Sleeps with Atomics.waitAsync instead; resolves false on timeout.
 * Not published to the watchdog: the page is not one of the program's threads.
 */
export async function lockWordAsync(
  heap: Heap,
  index: number,
  objectId: number,
  timeoutMs: number | undefined,
  kindName: string,
): Promise<boolean> {
  const i32 = heap.i32;
  const deadline = deadlineOf(timeoutMs);
  for (let c = Atomics.compareExchange(i32, index, 0, 1); c !== 0; c = markWaiting(i32, index)) {
    if (c === ABANDONED) throw abandonedError(heap, objectId, kindName, 'the page');
    const left = deadline - nowMs();
    if (left <= 0) return false;
    const waiting = Atomics.waitAsync(i32, index, 2, left === Infinity ? undefined : left);
    if (waiting.async) await waiting.value;
  }
  return true;
}

function abandonedError(
  heap: Heap,
  objectId: number,
  kindName: string,
  seenBy: string,
): AbandonedError {
  const what = `${kindName} '${heap.objectInfo(objectId).name}'`;
  return new AbandonedError(what, heap.abandonedBy(objectId) - 1, seenBy);
}

/**
 * Marks the futex word of object `objectId` abandoned by `deadThread` and wakes every waiter:
 * each then finds the mark and throws AbandonedError, and so does every later acquirer.
 */
export function abandonWord(heap: Heap, index: number, objectId: number, deadThread: number): void {
  heap.markAbandoned(objectId, deadThread);
  Atomics.store(heap.i32, index, ABANDONED);
  Atomics.notify(heap.i32, index);
}

/** Releases the futex word at `index`, waking one sleeper if there may be any. */
export function unlockWord(i32: Int32Array, index: number): void {
  if (Atomics.sub(i32, index, 1) !== 1) {
    Atomics.store(i32, index, 0);
    Atomics.notify(i32, index, 1);
  }
}

/**
 * An internal mutex for the few words of a queue or barrier: held only for a handful of plain
 * reads and writes, never across user code or a blocking wait, so it is neither traced nor
 * published to the watchdog.
 */
export function lockInternal(i32: Int32Array, index: number): void {
  if (Atomics.compareExchange(i32, index, 0, 1) === 0) return;
  for (let i = 0; i < SPINS; i++) {
    if (Atomics.load(i32, index) === 0 && Atomics.compareExchange(i32, index, 0, 1) === 0) return;
  }
  let c = Atomics.exchange(i32, index, 2);
  while (c !== 0) {
    Atomics.wait(i32, index, 2);
    c = Atomics.exchange(i32, index, 2);
  }
}
