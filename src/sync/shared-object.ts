import { context } from './context';
import { Heap } from './heap';
import type { ObjectKind } from './kinds';

/** Options every shared object's constructor takes as its last argument. */
export type SharedOptions = { name?: string };

/**
 * The base of every handle. A handle holds no mutable state of its own: all of it lives in the
 * heap, so any thread can rebuild an equal handle from `(heap, id)` with {@link attach}.
 */
export abstract class SharedObject {
  declare readonly heap: Heap;
  /** Index in the heap's object table. */
  declare readonly id: number;
  /** Int32 index of the object's first word. */
  declare protected readonly base: number;
  declare protected readonly i32: Int32Array;

  /**
   * Allocates (or in `bind` mode finds) the object's words. Returns whether the caller must write
   * the initial state: only the first evaluation of a declaration initialises shared memory.
   */
  protected allocate(
    heap: Heap,
    kind: ObjectKind,
    bytes: number,
    options: SharedOptions | undefined,
  ): boolean {
    const { id, offset, fresh } = heap.allocate(kind, bytes, options?.name);
    bindHandle(this, heap, id, offset);
    return fresh;
  }

  /** The name shown in the UI and in error messages. */
  get name(): string {
    return this.heap.objectInfo(this.id).name;
  }

  /**
   * How a handle travels as a thread's argument (or inside any JSON): by id. The runtime turns
   * `{ __shared: id }` back into a handle in the receiving thread, as the handle holds no state.
   */
  toJSON(): { __shared: number } {
    return { __shared: this.id };
  }

  /** `Lock 'forkA'`: how messages name this object. */
  protected label(kind: string): string {
    return `${kind} '${this.name}'`;
  }
}

/**
 * A shared object threads take and give back (a lock, a semaphore permit): `hold()` and `with()`
 * are Python's `with` statement on top of acquire and release.
 */
export abstract class Acquirable extends SharedObject {
  abstract acquire(timeoutMs?: number): boolean;
  abstract release(): void;

  /** Acquires and returns a disposable that releases: `using _ = lock.hold();`. */
  hold(): Disposable {
    this.acquire();
    return disposable(() => this.release());
  }

  /** Runs `fn` holding it, releasing even if `fn` throws (Python's `with lock:`). */
  with<T>(fn: () => T): T {
    this.acquire();
    try {
      return fn();
    } finally {
      this.release();
    }
  }
}

function bindHandle(handle: SharedObject, heap: Heap, id: number, offset: number): void {
  // Plain assignment in one fixed order gives every handle the same hidden class, which keeps
  // the lock's fast path monomorphic (defineProperty with custom attributes measured slower).
  Object.assign(handle, { heap, id, base: Heap.wordOf(offset), i32: heap.i32 });
}

/** Rebuilds a handle of class `type` for object `id` (e.g. in another thread). */
export function attach<T extends SharedObject>(
  type: abstract new (...args: never[]) => T,
  heap: Heap,
  id: number,
): T {
  const handle = Object.create(type.prototype) as T;
  bindHandle(handle, heap, id, heap.offsetOf(id));
  return handle;
}

/** "thread worker-2 (#3)": how messages name the calling thread. */
export function callerLabel(): string {
  const ctx = context();
  return `thread ${ctx.threadName} (#${ctx.threadId})`;
}

/** A disposable for `using` declarations. */
export function disposable(release: () => void): Disposable {
  return { [Symbol.dispose]: release };
}

/** Throws a RangeError unless `n` is a non-negative integer (counts, parties, sizes). */
export function checkCount(what: string, n: number, min = 0): void {
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`${what} must be an integer ≥ ${min}, got ${n}.`);
}
