import type { BlockOp, EventKind } from './kinds';

/** Receives trace events from the primitives; the runtime writes them into a ring buffer. */
export interface EventSink {
  /** Bit set of enabled {@link EventKind}s (bit = 1 << kind); 0 turns tracing off. */
  readonly mask: number;
  /** Records one event; `timed` asks for a clock read (only around blocking). */
  emit(kind: EventKind, object: number, aux: number, timed: boolean): void;
  /**
   * Records an untimed event ordered through `i32[keyWord]`, a word of `object` that only the
   * calling thread may touch now (a held lock's), instead of through the run's shared counter:
   * the hot path of a lock hand-off, with no atomic operation of its own.
   */
  emitThrough(kind: EventKind, object: number, aux: number, i32: Int32Array, keyWord: number): void;
  /**
   * Records a shared read or write with its value: an int32, or with `float` a float64 (kept to
   * 43 bits of mantissa, about 12 significant digits). `index` is the SharedArray index, else 0.
   */
  emitValue(kind: EventKind, object: number, index: number, value: number, float: boolean): void;
}

/** Called around every blocking wait, so the runtime can hand the GIL over while a thread sleeps. */
export interface BlockHooks {
  beforeBlock(): void;
  afterBlock(): void;
  /**
   * Step mode: waits in place of `Atomics.wait` (while `i32[index] === expected`, until the
   * absolute `deadlineMs`), so the runtime's scheduler decides when the thread moves on.
   * Returns false when the wait timed out.
   */
  park?(
    objectId: number,
    op: BlockOp,
    index: number,
    expected: number,
    deadlineMs: number,
  ): boolean;
}

/**
 * Who is running on this worker. Each worker (or worker_thread) runs one program thread at a time,
 * so the context is a module-level value set by the runtime before a thread starts.
 */
export type SyncContext = {
  /** Global thread index (0-based). */
  threadId: number;
  threadName: string;
  sink: EventSink | null;
  hooks: BlockHooks | null;
};

let current: SyncContext = { threadId: 0, threadName: 'main', sink: null, hooks: null };

export function setContext(next: SyncContext): void {
  current = next;
}

export function context(): SyncContext {
  return current;
}

/** Emits an untimed event if tracing of `kind` is on: the fast-path check is one field and one bit test. */
export function trace(kind: EventKind, object: number, aux: number): void {
  const sink = current.sink;
  if (sink !== null && (sink.mask & (1 << kind)) !== 0) sink.emit(kind, object, aux, false);
}

/** Emits an event with a clock read; used only around blocking, where the clock is affordable. */
export function traceTimed(kind: EventKind, object: number, aux: number): void {
  const sink = current.sink;
  if (sink !== null && (sink.mask & (1 << kind)) !== 0) sink.emit(kind, object, aux, true);
}

/** Emits a lock hand-off event, ordered through the object's own key word (see {@link EventSink.emitThrough}). */
export function traceThrough(
  kind: EventKind,
  object: number,
  aux: number,
  i32: Int32Array,
  keyWord: number,
): void {
  const sink = current.sink;
  if (sink !== null && (sink.mask & (1 << kind)) !== 0)
    sink.emitThrough(kind, object, aux, i32, keyWord);
}

/** Emits a shared read or write of an int32 value; `index` is the array index, else 0. */
export function traceValue(kind: EventKind, object: number, index: number, value: number): void {
  const sink = current.sink;
  if (sink !== null && (sink.mask & (1 << kind)) !== 0)
    sink.emitValue(kind, object, index, value, false);
}

/** Emits a shared read or write of a float64 value. */
export function traceFloat(kind: EventKind, object: number, value: number): void {
  const sink = current.sink;
  if (sink !== null && (sink.mask & (1 << kind)) !== 0)
    sink.emitValue(kind, object, 0, value, true);
}
