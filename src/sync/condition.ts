import { context, trace } from './context';
import { Blocking } from './blocking';
import { deadlineOf, nowMs } from './clock';
import { SyncMisuseError } from './errors';
import { lockInternal, unlockWord } from './futex';
import { ThreadField, type Heap } from './heap';
import { BlockOp, EventKind, ObjectKind, WakeResult } from './kinds';
import { Lock } from './lock';
import { RLock } from './rlock';
import { attach, callerLabel, disposable, SharedObject, type SharedOptions } from './shared-object';

// Condition — 12 + 4 × maxThreads bytes
// | word    | name    | meaning                                                    |
// | 0       | lock    | object id of the lock it is bound to                        |
// | 1       | count   | threads in the wait list                                    |
// | 2       | head    | index of the oldest waiter in the ring                      |
// | 3 …     | ring    | thread ids of waiters, FIFO, maxThreads entries             |
// | 3 + max | leaving | internal mutex: waiters leaving the list after the lock was abandoned |
// Every other word is read and written only while holding the lock. Each waiter sleeps on its own
// thread-table `wake` word, which a notifier sets to 1 after taking it off the list: a notify
// wakes exactly the threads it removed (at most n), and none is lost. This is the shape of
// CPython's Condition (a waiter list of per-thread locks), with futex words for the locks.
const LOCK = 0;
const COUNT = 1;
const HEAD = 2;
const RING = 3;
/** After the ring: see {@link Condition.leaveAbandoned}. */
const LEAVING = (maxThreads: number) => RING + maxThreads;

type ConditionLock = Lock | RLock;

/** A condition variable (Python's `threading.Condition`), bound to a Lock or RLock. */
export class Condition extends SharedObject {
  constructor(heap: Heap, lock?: ConditionLock, options?: SharedOptions) {
    super();
    // Python's default lock is a fresh RLock; it must exist before the condition's words.
    const name = options?.name ?? heap.namer?.(ObjectKind.Condition);
    const bound = lock ?? new RLock(heap, { name: `${name ?? 'condition'}.lock` });
    const bytes = (LEAVING(heap.maxThreads) + 1) * 4;
    if (this.allocate(heap, ObjectKind.Condition, bytes, { name })) {
      this.i32[this.base + LOCK] = bound.id;
      this.i32[this.base + COUNT] = 0;
      this.i32[this.base + HEAD] = 0;
      this.i32[this.base + LEAVING(heap.maxThreads)] = 0;
    }
  }

  /** The lock this condition is bound to. */
  get lock(): ConditionLock {
    const id = this.i32[this.base + LOCK] ?? 0;
    return this.heap.kindOf(id) === ObjectKind.Lock
      ? attach(Lock, this.heap, id)
      : attach(RLock, this.heap, id);
  }

  acquire(timeoutMs?: number): boolean {
    return this.lock.acquire(timeoutMs);
  }

  release(): void {
    this.lock.release();
  }

  hold(): Disposable {
    const lock = this.lock;
    lock.acquire();
    return disposable(() => lock.release());
  }

  with<T>(fn: () => T): T {
    return this.lock.with(fn);
  }

  /**
   * Releases the lock, sleeps until notified (or `timeoutMs` passes), then takes the lock back.
   * Returns false on timeout. The caller must hold the lock.
   */
  wait(timeoutMs?: number): boolean {
    const lock = this.ownedLock('wait()');
    const me = context().threadId;
    const wake = this.heap.threadWord(me, ThreadField.wake);
    Atomics.store(this.i32, wake, 0);
    this.push(me);
    const saved = lock.releaseSave();
    const blocking = new Blocking(this.heap, this.id, BlockOp.Wait, timeoutMs);
    while (Atomics.load(this.i32, wake) === 0 && blocking.wait(wake, 0));
    const notified = Atomics.load(this.i32, wake) === 1;
    blocking.end(notified ? WakeResult.Ok : WakeResult.Timeout);
    try {
      lock.acquireRestore(saved);
    } catch (error) {
      if (Atomics.load(this.i32, wake) !== 1) this.leaveAbandoned(me);
      throw error;
    }
    // A notifier may have taken us off the list between the timeout and re-taking the lock.
    if (Atomics.load(this.i32, wake) === 1) return true;
    this.remove(me);
    return false;
  }

  /**
   * Waits until `predicate()` is truthy, re-checking after every wake-up; returns its last value
   * (falsy if `timeoutMs` passed). The caller must hold the lock.
   */
  waitFor<T>(predicate: () => T, timeoutMs?: number): T {
    const deadline = deadlineOf(timeoutMs);
    let result = predicate();
    while (!result) {
      if (deadline === Infinity) {
        this.wait();
      } else {
        const left = deadline - nowMs();
        if (left <= 0) break;
        this.wait(left);
      }
      result = predicate();
    }
    return result;
  }

  /** Wakes at most `n` waiting threads, oldest first. The caller must hold the lock. */
  notify(n = 1): void {
    this.ownedLock('notify()');
    const i32 = this.i32;
    let woken = 0;
    while (woken < n && (i32[this.base + COUNT] ?? 0) > 0) {
      const thread = this.shift();
      const wake = this.heap.threadWord(thread, ThreadField.wake);
      Atomics.store(i32, wake, 1);
      Atomics.notify(i32, wake);
      woken++;
    }
    trace(EventKind.Signal, this.id, BlockOp.Notify);
  }

  /** Wakes every waiting thread. The caller must hold the lock. */
  notifyAll(): void {
    this.notify(this.i32[this.base + COUNT] ?? 0);
  }

  /** Threads waiting right now. */
  get waiting(): number {
    return this.i32[this.base + COUNT] ?? 0;
  }

  private ownedLock(what: string): ConditionLock {
    const lock = this.lock;
    if (!lock.isOwned()) {
      throw new SyncMisuseError(
        `${callerLabel()} called ${what} on ${this.label('Condition')} without holding its lock.`,
      );
    }
    return lock;
  }

  private slot(k: number): number {
    return this.base + RING + (((this.i32[this.base + HEAD] ?? 0) + k) % this.heap.maxThreads);
  }

  private push(thread: number): void {
    const count = this.i32[this.base + COUNT] ?? 0;
    this.i32[this.slot(count)] = thread;
    this.i32[this.base + COUNT] = count + 1;
  }

  private shift(): number {
    const thread = this.i32[this.slot(0)] ?? 0;
    this.i32[this.base + HEAD] = ((this.i32[this.base + HEAD] ?? 0) + 1) % this.heap.maxThreads;
    this.i32[this.base + COUNT] = (this.i32[this.base + COUNT] ?? 1) - 1;
    return thread;
  }

  /**
   * Takes a waiter off the list when re-taking the lock failed (it was abandoned: its owner died).
   * Nobody can hold the lock any more, so no notifier will remove it; the other waiters failing
   * at the same time are the only ones touching the list, and take turns on the `leaving` mutex.
   */
  private leaveAbandoned(thread: number): void {
    const leaving = this.base + LEAVING(this.heap.maxThreads);
    lockInternal(this.i32, leaving);
    try {
      this.remove(thread);
    } finally {
      unlockWord(this.i32, leaving);
    }
  }

  private remove(thread: number): void {
    const count = this.i32[this.base + COUNT] ?? 0;
    let k = 0;
    while (k < count && this.i32[this.slot(k)] !== thread) k++;
    if (k === count) return;
    for (; k < count - 1; k++) this.i32[this.slot(k)] = this.i32[this.slot(k + 1)] ?? 0;
    this.i32[this.base + COUNT] = count - 1;
  }
}
