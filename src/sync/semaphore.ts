import { context, trace } from './context';
import { Blocking } from './blocking';
import { SyncMisuseError } from './errors';
import type { Heap } from './heap';
import { BlockOp, EventKind, ObjectKind, WakeResult } from './kinds';
import { Acquirable, callerLabel, checkCount, type SharedOptions } from './shared-object';

// Semaphore — 64 bytes, one line
// | word   | name       | meaning                                                      |
// | 0      | value      | permits left; waiters sleep on this word while it is 0         |
// | 1      | waiters    | threads sleeping (or about to) on value: release skips notify at 0 |
// | 2      | holders    | acquisitions minus releases, never below 0 (observability: "in use") |
// | 3      | maxHolders | the most holders seen at once                                 |
// | 4      | bound      | initial value for BoundedSemaphore, -1 for Semaphore          |
// | 8 … 15 | holderIds  | thread id + 1 per permit taken, 0 free: who holds (observability, the watchdog's wait-for graph) |
// Algorithm: a counting semaphore on one futex word (CAS to take a permit, wait while 0).
const VALUE = 0;
const WAITERS = 1;
const HOLDERS = 2;
const MAX_HOLDERS = 3;
const BOUND = 4;
const HOLDER_IDS = 8;
/**
 * Permit holders recorded by thread: past this many permits taken at once the others go
 * unrecorded (a deadlock through a semaphore needs its permits all taken, so few permits).
 */
export const RECORDED_HOLDERS = 8;
const BYTES = (HOLDER_IDS + RECORDED_HOLDERS) * 4;

/** A counting semaphore (Python's `threading.Semaphore`): at most `n` holders at once. */
export class Semaphore extends Acquirable {
  constructor(heap: Heap, n: number = 1, options?: SharedOptions) {
    super();
    checkCount('A semaphore’s initial value', n);
    const kind =
      this instanceof BoundedSemaphore ? ObjectKind.BoundedSemaphore : ObjectKind.Semaphore;
    if (this.allocate(heap, kind, BYTES, options)) {
      const i32 = this.i32;
      i32[this.base + VALUE] = n;
      i32[this.base + WAITERS] = 0;
      i32[this.base + HOLDERS] = 0;
      i32[this.base + MAX_HOLDERS] = 0;
      i32[this.base + BOUND] = kind === ObjectKind.BoundedSemaphore ? n : -1;
      i32.fill(0, this.base + HOLDER_IDS, this.base + HOLDER_IDS + RECORDED_HOLDERS);
    }
    heap.watchWords(this.id, {
      holdersWord: this.base + HOLDERS,
      maxHoldersWord: this.base + MAX_HOLDERS,
    });
  }

  /** Takes a permit, waiting while there is none. `acquire(0)` never blocks. Returns whether one was taken. */
  acquire(timeoutMs?: number): boolean {
    if (this.tryTake()) return true;
    if (timeoutMs === 0) return false;
    const blocking = new Blocking(this.heap, this.id, BlockOp.Acquire, timeoutMs);
    const i32 = this.i32;
    const value = this.base + VALUE;
    for (;;) {
      Atomics.add(i32, this.base + WAITERS, 1);
      const ok = Atomics.load(i32, value) !== 0 || blocking.wait(value, 0);
      Atomics.sub(i32, this.base + WAITERS, 1);
      if (this.tryTake()) {
        blocking.end(WakeResult.Ok);
        return true;
      }
      if (!ok || blocking.expired) {
        blocking.end(WakeResult.Timeout);
        return false;
      }
    }
  }

  tryAcquire(): boolean {
    return this.acquire(0);
  }

  /** Returns `k` permits, waking up to `k` waiters. */
  release(k = 1): void {
    checkCount('release(k)', k, 1);
    const i32 = this.i32;
    const bound = i32[this.base + BOUND] ?? -1;
    // Holders drop before the permits return: the other order lets a taker count itself while
    // the releaser still counts, and maxHolders would report k + 1.
    const { holders, dropped } = this.dropHolders(k);
    // Before the permits return, so a woken taker's fresh record is never the one forgotten.
    for (let i = 0; i < dropped; i++) this.forgetHolder();
    if (bound >= 0) {
      for (;;) {
        const v = Atomics.load(i32, this.base + VALUE);
        if (v + k > bound) {
          Atomics.add(i32, this.base + HOLDERS, dropped);
          for (let i = 0; i < dropped; i++) this.recordHolder();
          throw new SyncMisuseError(
            `${callerLabel()} released ${this.label('BoundedSemaphore')} past its initial value ${bound}.`,
          );
        }
        if (Atomics.compareExchange(i32, this.base + VALUE, v, v + k) === v) break;
      }
    } else {
      Atomics.add(i32, this.base + VALUE, k);
    }
    trace(EventKind.Release, this.id, holders);
    if (Atomics.load(i32, this.base + WAITERS) > 0) Atomics.notify(i32, this.base + VALUE, k);
  }

  /** Permits left right now. */
  get value(): number {
    return Atomics.load(this.i32, this.base + VALUE);
  }

  /** The most holders seen at once during the run. */
  get maxHolders(): number {
    return Atomics.load(this.i32, this.base + MAX_HOLDERS);
  }

  /**
   * Counts `k` holders fewer, never below zero: a release with no holder (a semaphore used as a
   * signal, released before anyone acquired) adds permits, not "negative holders" that later
   * acquisitions would hide behind.
   */
  private dropHolders(k: number): { holders: number; dropped: number } {
    const i32 = this.i32;
    const index = this.base + HOLDERS;
    for (;;) {
      const before = Atomics.load(i32, index);
      const after = Math.max(0, before - k);
      if (Atomics.compareExchange(i32, index, before, after) === before)
        return { holders: after, dropped: before - after };
    }
  }

  /** Notes the calling thread in a free holder slot (none free: it goes unrecorded). */
  private recordHolder(): void {
    const me = context().threadId + 1;
    const start = this.base + HOLDER_IDS;
    for (let slot = start; slot < start + RECORDED_HOLDERS; slot++)
      if (Atomics.compareExchange(this.i32, slot, 0, me) === 0) return;
  }

  /**
   * Frees a holder slot for one released permit: the releaser's own first; a release by a thread
   * that holds none (any thread may release, as in Python) frees the first recorded holder.
   */
  private forgetHolder(): void {
    const me = context().threadId + 1;
    const start = this.base + HOLDER_IDS;
    for (const wanted of [me, 0]) {
      for (let slot = start; slot < start + RECORDED_HOLDERS; slot++) {
        const id = Atomics.load(this.i32, slot);
        if (id === 0 || (wanted !== 0 && id !== wanted)) continue;
        if (Atomics.compareExchange(this.i32, slot, id, 0) === id) return;
      }
    }
  }

  private tryTake(): boolean {
    const i32 = this.i32;
    const index = this.base + VALUE;
    for (let v = Atomics.load(i32, index); v > 0; v = Atomics.load(i32, index)) {
      if (Atomics.compareExchange(i32, index, v, v - 1) === v) {
        const holders = Atomics.add(i32, this.base + HOLDERS, 1) + 1;
        let max = Atomics.load(i32, this.base + MAX_HOLDERS);
        while (holders > max) {
          const seen = Atomics.compareExchange(i32, this.base + MAX_HOLDERS, max, holders);
          if (seen === max) break;
          max = seen;
        }
        this.recordHolder();
        trace(EventKind.Acquire, this.id, holders);
        return true;
      }
    }
    return false;
  }
}

/** A semaphore that refuses to be released past its initial value (Python's `BoundedSemaphore`). */
export class BoundedSemaphore extends Semaphore {}

/** The threads recorded as holding permits of semaphore `id` (a thread once per permit). */
export function permitHoldersOf(heap: Heap, id: number): number[] {
  const start = (heap.offsetOf(id) >> 2) + HOLDER_IDS;
  const holders: number[] = [];
  for (let slot = start; slot < start + RECORDED_HOLDERS; slot++) {
    const holder = Atomics.load(heap.i32, slot);
    if (holder !== 0) holders.push(holder - 1);
  }
  return holders;
}
