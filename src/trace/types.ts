import type { BlockOp, EventKind, ObjectKind } from '../sync/kinds';

/** One decoded trace event. Times are µs since the run started; `null` where no clock was read. */
export type TraceEvent = {
  /**
   * Global order across threads: counted events are SEQ_STEP apart, lock hand-offs between them
   * (ring-writer.ts). Unique per run; only the order means something.
   */
  seq: number;
  thread: number;
  kind: EventKind;
  /** Object id (index in the heap's object table), or for Block/Wake with op Join the thread id; -1 if none. */
  object: number;
  /** For shared reads and writes (Read … CasFailed): the SharedArray index, else 0. */
  aux: number;
  timeUs: number | null;
  /** Shared reads and writes only: the value read or written (see `EventKind`). */
  value?: number;
};

/** A shared object as the analysis and the UI name it. */
export type TracedObject = { id: number; kind: ObjectKind; name: string };

/** A thread as the analysis and the UI name it. */
export type TracedThread = { id: number; name: string };

/**
 * What a thread is doing during a span of its lane. 'starting': its worker loads the program and
 * evaluates the top level before the target runs. 'running' with the GIL on means holding it.
 */
/** Every state a thread's lane can show (recordings are checked against this list). */
export const THREAD_STATES = [
  'starting',
  'running',
  'waiting',
  'sleeping',
  'input',
  'gil-wait',
  'done',
  'failed',
] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

/** A state span of one thread's lane; spans of a lane never overlap. */
export type StateSpan = {
  thread: number;
  state: ThreadState;
  startUs: number;
  endUs: number;
  /** For 'waiting': the object (or, with op Join, the thread) waited for. */
  object?: number;
  op?: BlockOp;
};

/** A thread holding a lock-like object (or a semaphore permit) from start to end; holds may overlap. */
export type HoldSpan = { thread: number; object: number; startUs: number; endUs: number };

/** A release (or signal) that woke another thread: drawn as an arrow on the timeline. */
export type WakeArrow = {
  fromThread: number;
  toThread: number;
  object: number;
  atUs: number;
  wokenAtUs: number;
};

/** An edge of the wait-for graph: `thread` waits for `object`, which `heldBy` threads hold. */
export type WaitEdge = {
  thread: number;
  object: number;
  op: BlockOp;
  heldBy: number[];
  timed: boolean;
};

export type WaitGraph = { edges: WaitEdge[] };

/** A cycle of the wait-for graph: each thread waits for an object held by the next. */
export type Cycle = { thread: number; object: number; heldBy: number }[];

/** A trace event whose time is known (measured, or interpolated by `withTimes`). */
export type TimedEvent = TraceEvent & { timeUs: number };

/** A step of a {@link Cycle} that also says what the thread is doing (with op Join, `object` is a thread id). */
export type CycleStep = Cycle[number] & { op: BlockOp };

/**
 * A wait of a stuck run (every live thread blocked, no cycle): what `stuckOf` returns and
 * `describeStuck` words. `heldBy`, when given, names who holds a wanted lock or permit.
 */
export type StuckWait = { thread: number; object: number; op: BlockOp; heldBy?: readonly number[] };
