import { context, traceThrough } from './context';
import { SyncMisuseError } from './errors';
import { abandonWord, lockWord, lockWordAsync, unlockWord } from './futex';
import type { Heap } from './heap';
import { EventKind, ObjectKind } from './kinds';
import { callerLabel, Acquirable, type SharedOptions } from './shared-object';

// Lock — 12 bytes, on its own 64-byte line
// | word | name  | meaning                                                  |
// | 0    | state | futex word: 0 free · 1 locked · 2 maybe waiters · 3 abandoned |
// | 1    | owner | thread id + 1 of the holder, 0 when free (observability)   |
// | 2    | key   | trace key of the last acquire or release, written by the holder |
// Algorithm: Drepper, "Futexes Are Tricky", §6 "Mutex, Take 3" (see futex.ts).
const STATE = 0;
const OWNER = 1;
const KEY = 2;

/**
 * A mutual-exclusion lock (Python's `threading.Lock`). Not re-entrant: a thread that acquires it
 * twice waits for itself forever. As in Python, any thread may release it.
 */
export class Lock extends Acquirable {
  constructor(heap: Heap, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.Lock, 12, options)) {
      this.i32[this.base + STATE] = 0;
      this.i32[this.base + OWNER] = 0;
      this.i32[this.base + KEY] = 0;
    }
    heap.watchWords(this.id, { ownerWord: this.base + OWNER });
  }

  /**
   * Takes the lock. Without a timeout, waits as long as it takes; `acquire(0)` never blocks;
   * otherwise gives up after `timeoutMs` milliseconds. Returns whether the lock was taken.
   */
  acquire(timeoutMs?: number): boolean {
    const i32 = this.i32;
    const state = this.base + STATE;
    // The uncontended case inline: one CAS, no call (lockWord starts with the same CAS).
    if (
      Atomics.compareExchange(i32, state, 0, 1) !== 0 &&
      !lockWord(this.heap, state, this.id, timeoutMs, 'Lock')
    ) {
      return false;
    }
    i32[this.base + OWNER] = context().threadId + 1;
    // Ordered through the lock's key word, not the shared counter: the holder alone touches it.
    traceThrough(EventKind.Acquire, this.id, 1, i32, this.base + KEY);
    return true;
  }

  /**
   * Takes the lock without blocking the calling thread: for the browser's main thread, where
   * Atomics.wait is forbidden (a worker should call acquire()). Resolves true once taken, false
   * if `timeoutMs` passed first. The page is not a program thread, so no owner is recorded.
   */
  async acquireAsync(timeoutMs?: number): Promise<boolean> {
    const taken = await lockWordAsync(this.heap, this.base + STATE, this.id, timeoutMs, 'Lock');
    if (taken) this.i32[this.base + OWNER] = 0;
    return taken;
  }

  /** Takes the lock only if it is free right now. */
  tryAcquire(): boolean {
    return this.acquire(0);
  }

  /** Frees the lock. An error if it is not locked. */
  release(): void {
    // A plain read: this only catches misuse, and an atomic load here is a sizeable share of the
    // whole acquire+release (the bench's lock-uncontended-vs-futex shows it).
    if (this.i32[this.base + STATE] === 0) {
      throw new SyncMisuseError(
        `${callerLabel()} released ${this.label('Lock')}, which is not locked.`,
      );
    }
    this.i32[this.base + OWNER] = 0;
    traceThrough(EventKind.Release, this.id, 0, this.i32, this.base + KEY);
    unlockWord(this.i32, this.base + STATE);
  }

  /** Whether some thread holds the lock. */
  locked(): boolean {
    return Atomics.load(this.i32, this.base + STATE) !== 0;
  }

  /** Thread id of the holder, or -1. */
  owner(): number {
    return (this.i32[this.base + OWNER] ?? 0) - 1;
  }

  /** For Condition: releases fully, returning what {@link acquireRestore} needs. */
  releaseSave(): number {
    this.release();
    return 1;
  }

  acquireRestore(_saved: number): void {
    this.acquire();
  }

  /** Whether the calling thread holds it (the recorded owner). */
  isOwned(): boolean {
    return this.owner() === context().threadId;
  }

  /** Marks the lock abandoned by its dead owner and wakes every waiter, who then fail. */
  abandon(deadThread: number): void {
    abandonWord(this.heap, this.base + STATE, this.id, deadThread);
  }
}
