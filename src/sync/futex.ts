import { Blocking } from './blocking';
import type { Heap } from './heap';
import { BlockOp, WakeResult } from './kinds';

// Drepper, "Futexes Are Tricky" (2011), mutex #3 ("mutex2" in some copies): the lock word is
//   0 unlocked · 1 locked, no waiters · 2 locked, maybe waiters.
// Lock: CAS 0→1 (fast path); otherwise swap in 2 and sleep while the word is 2.
// Unlock: decrement; if the old value was 2 (someone may sleep), store 0 and wake one.

/** Spins before sleeping: waking an idle vCPU costs 6–48 µs here, a spin 0.1–0.35 µs (PLATFORM-NOTES.md). */
const SPINS = 64;

/** Tries once to take a free futex word without blocking. */
export function tryLockWord(i32: Int32Array, index: number): boolean {
  return Atomics.compareExchange(i32, index, 0, 1) === 0;
}

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
  if (Atomics.compareExchange(i32, index, 0, 1) === 0) return true;
  if (timeoutMs === 0) return false;
  for (let i = 0; i < SPINS; i++) {
    if (Atomics.load(i32, index) === 0 && Atomics.compareExchange(i32, index, 0, 1) === 0)
      return true;
  }
  const blocking = new Blocking(heap, objectId, BlockOp.Acquire, timeoutMs);
  blocking.checkAbandoned(kindName);
  let c = Atomics.exchange(i32, index, 2);
  while (c !== 0) {
    if (!blocking.wait(index, 2)) {
      blocking.end(WakeResult.Timeout);
      return false;
    }
    blocking.checkAbandoned(kindName);
    c = Atomics.exchange(i32, index, 2);
  }
  blocking.end(WakeResult.Ok);
  return true;
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
