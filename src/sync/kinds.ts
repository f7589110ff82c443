/**
 * Codes shared by the primitives, the runtime and the trace analysis. Plain `as const` objects:
 * they are written into shared memory as integers, so they must be stable numbers.
 */

/** The type of a shared object, as recorded in the heap's object table. */
export const ObjectKind = {
  Lock: 1,
  RLock: 2,
  Semaphore: 3,
  BoundedSemaphore: 4,
  Event: 5,
  Condition: 6,
  Barrier: 7,
  Queue: 8,
  SharedInt: 9,
  SharedFloat: 10,
  SharedArray: 11,
  /** Runtime-internal slots (futures, the GIL): shown, never declared by a program. */
  Internal: 12,
} as const;
export type ObjectKind = (typeof ObjectKind)[keyof typeof ObjectKind];

export const objectKindName: Record<ObjectKind, string> = {
  1: 'Lock',
  2: 'RLock',
  3: 'Semaphore',
  4: 'BoundedSemaphore',
  5: 'Event',
  6: 'Condition',
  7: 'Barrier',
  8: 'Queue',
  9: 'SharedInt',
  10: 'SharedFloat',
  11: 'SharedArray',
  12: 'Internal',
};

/** Trace event kinds (the low 8 bits of an event's second word). */
export const EventKind = {
  ThreadStart: 1,
  /** aux: 0 finished, 1 failed. */
  ThreadEnd: 2,
  /** The thread is about to block on `object`; aux is a {@link BlockOp}. Clock read. */
  Block: 3,
  /** The thread stopped blocking on `object`; aux is a {@link WakeResult}. Clock read. */
  Wake: 4,
  /** The thread now holds `object` (a lock, an RLock level, a permit); aux: holders after. */
  Acquire: 5,
  /** The thread let go of `object`; aux: holders after. */
  Release: 6,
  /** A signal on `object` that may wake others (set, notify, put, get, barrier trip); aux: a {@link BlockOp}. */
  Signal: 7,
  SleepBegin: 8,
  SleepEnd: 9,
  InputBegin: 10,
  InputEnd: 11,
  GilWait: 12,
  GilAcquire: 13,
  GilRelease: 14,
  /** aux: index of the line in the run's output. */
  Print: 15,
  /** A `check()` verdict marker; aux: 1 passed, 0 failed. */
  Check: 16,
  /**
   * The thread's copy of the program is loaded and its target starts: ThreadStart … ThreadRun is
   * start-up (loading the module, evaluating its top level), not the thread's own work.
   */
  ThreadRun: 17,
  /**
   * Shared-value events carry the value (see `TraceEvent.value`); aux is the SharedArray index
   * (0 for SharedInt and SharedFloat). A plain read of `object`.
   */
  Read: 18,
  /** A plain write of `object`; value: what was written. */
  Write: 19,
  /** An atomic add to `object`; value: the sum it stored. */
  Add: 20,
  /** A compareExchange that found its expected value and swapped; value: what it stored. */
  Cas: 21,
  /** A compareExchange that found another value and stored nothing; value: what it found. */
  CasFailed: 22,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** What a blocked thread is doing (the `aux` of a Block event, and the thread table's blockedOp). */
export const BlockOp = {
  Acquire: 1,
  Wait: 2,
  Join: 3,
  Get: 4,
  Put: 5,
  Barrier: 6,
  Result: 7,
  Gil: 8,
  Input: 9,
  Notify: 10,
  Set: 11,
  Trip: 12,
} as const;
export type BlockOp = (typeof BlockOp)[keyof typeof BlockOp];

export const WakeResult = { Ok: 0, Timeout: 1, Error: 2 } as const;
export type WakeResult = (typeof WakeResult)[keyof typeof WakeResult];

/** A thread's life, as published in its thread-table row. */
export const ThreadStatus = {
  Unused: 0,
  Starting: 1,
  Running: 2,
  Done: 3,
  Failed: 4,
} as const;
export type ThreadStatus = (typeof ThreadStatus)[keyof typeof ThreadStatus];
