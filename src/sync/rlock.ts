import { context, trace } from './context';
import { SyncMisuseError } from './errors';
import { abandonWord, lockWord, unlockWord } from './futex';
import type { Heap } from './heap';
import { EventKind, ObjectKind } from './kinds';
import { callerLabel, Acquirable, type SharedOptions } from './shared-object';

// RLock — 12 bytes, on its own 64-byte line
// | word | name  | meaning                                                   |
// | 0    | state | futex word, as Lock (… · 3 abandoned: futex.ts) |
// | 1    | owner | thread id + 1 of the owner, 0 when free                     |
// | 2    | depth | how many times the owner holds it (written by the owner only) |
// Re-entry never touches the futex word: only the owner reads and writes depth.
const STATE = 0;
const OWNER = 1;
const DEPTH = 2;

/** A re-entrant lock (Python's `threading.RLock`): its owner may acquire it again; only the owner may release. */
export class RLock extends Acquirable {
  constructor(heap: Heap, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.RLock, 12, options)) {
      this.i32.fill(0, this.base, this.base + 3);
    }
    heap.watchWords(this.id, { ownerWord: this.base + OWNER });
  }

  /** Takes the lock (or one more level of it). `acquire(0)` never blocks. Returns whether it was taken. */
  acquire(timeoutMs?: number): boolean {
    const me = context().threadId + 1;
    const i32 = this.i32;
    if (i32[this.base + OWNER] === me) {
      const depth = (i32[this.base + DEPTH] ?? 0) + 1;
      i32[this.base + DEPTH] = depth;
      trace(EventKind.Acquire, this.id, 1);
      return true;
    }
    if (!lockWord(this.heap, this.base + STATE, this.id, timeoutMs, 'RLock')) return false;
    i32[this.base + OWNER] = me;
    i32[this.base + DEPTH] = 1;
    trace(EventKind.Acquire, this.id, 1);
    return true;
  }

  tryAcquire(): boolean {
    return this.acquire(0);
  }

  /** Gives up one level; the lock is free when the owner has released as often as it acquired. */
  release(): void {
    const me = context().threadId + 1;
    const owner = this.i32[this.base + OWNER] ?? 0;
    if (owner !== me) {
      const why = owner === 0 ? 'which is not held' : `which thread #${owner - 1} holds`;
      throw new SyncMisuseError(
        `${callerLabel()} released ${this.label('RLock')}, ${why}: only its owner may release it.`,
      );
    }
    const depth = (this.i32[this.base + DEPTH] ?? 1) - 1;
    this.i32[this.base + DEPTH] = depth;
    trace(EventKind.Release, this.id, depth === 0 ? 0 : 1);
    if (depth === 0) {
      this.i32[this.base + OWNER] = 0;
      unlockWord(this.i32, this.base + STATE);
    }
  }

  locked(): boolean {
    return Atomics.load(this.i32, this.base + STATE) !== 0;
  }

  /** Thread id of the owner, or -1. */
  owner(): number {
    return (this.i32[this.base + OWNER] ?? 0) - 1;
  }

  /** How many times the owner holds it (0 when free). */
  depth(): number {
    return this.owner() < 0 ? 0 : (this.i32[this.base + DEPTH] ?? 0);
  }

  isOwned(): boolean {
    return this.owner() === context().threadId;
  }

  /** For Condition: releases every level at once, returning the depth to restore. */
  releaseSave(): number {
    const depth = this.depth();
    this.i32[this.base + DEPTH] = 1;
    this.release();
    return depth;
  }

  acquireRestore(depth: number): void {
    this.acquire();
    this.i32[this.base + DEPTH] = depth;
  }

  /** Marks the lock abandoned by its dead owner and wakes every waiter, who then fail. */
  abandon(deadThread: number): void {
    abandonWord(this.heap, this.base + STATE, this.id, deadThread);
  }
}
