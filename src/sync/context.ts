import type { BlockOp, EventKind } from './kinds';

/** Receives trace events from the primitives; the runtime writes them into a ring buffer. */
export interface EventSink {
  /** Bit set of enabled {@link EventKind}s (bit = 1 << kind); 0 turns tracing off. */
  readonly mask: number;
  /** Records one event; `timed` asks for a clock read (only around blocking). */
  emit(kind: EventKind, object: number, aux: number, timed: boolean): void;
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
