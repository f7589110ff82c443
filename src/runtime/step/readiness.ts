import type { Heap } from '../../sync';
import { ObjectKind, ThreadField, ThreadStatus } from '../../sync';
import type { StepBoard } from './board';
import { Row, StepOp, ThreadState } from './board';

// Whether a thread can move, from the primitives' real state: no names, no sentences, so the
// program threads' workers can read it too when they hand the next step over themselves.

// Word offsets of the primitives' state the predicates read (each primitive's layout table).
const LOCK_STATE = 0;
const RLOCK_OWNER = 1;
const SEM_VALUE = 0;
const EVENT_FLAG = 0;
export const CONDITION_LOCK = 0;
const QUEUE_COUNT = 1;
const QUEUE_UNFINISHED = 3;
const QUEUE_CAPACITY = 6;
/** A lock word whose owner died (futex.ts): acquiring it proceeds, and throws. */
const ABANDONED_WORD = 3;

/** Whether the untimed `op` of thread `self` at a scheduling point can proceed now. */
export function isFree(
  heap: Heap,
  self: number,
  op: number,
  object: number,
  joins: number,
): boolean {
  const i32 = heap.i32;
  if (op === StepOp.join && joins >= 0) {
    const status = Atomics.load(i32, heap.threadWord(joins, ThreadField.status));
    return status === ThreadStatus.Done || status === ThreadStatus.Failed;
  }
  if (object < 0) return true;
  const kind = heap.kindOf(object);
  const word = heap.offsetOf(object) >> 2;
  const at = (offset: number) => Atomics.load(i32, word + offset);
  switch (op) {
    case StepOp.acquire:
      if (kind === ObjectKind.Condition) return isFree(heap, self, op, at(CONDITION_LOCK), -1);
      if (kind === ObjectKind.Lock)
        return at(LOCK_STATE) === 0 || at(LOCK_STATE) === ABANDONED_WORD;
      if (kind === ObjectKind.RLock)
        return (
          at(LOCK_STATE) === 0 || at(LOCK_STATE) === ABANDONED_WORD || at(RLOCK_OWNER) === self + 1
        );
      if (kind === ObjectKind.Semaphore || kind === ObjectKind.BoundedSemaphore)
        return at(SEM_VALUE) > 0;
      return true;
    case StepOp.get:
      return kind !== ObjectKind.Queue || at(QUEUE_COUNT) > 0;
    case StepOp.put:
      return kind !== ObjectKind.Queue || at(QUEUE_COUNT) < at(QUEUE_CAPACITY);
    case StepOp.join:
      return kind !== ObjectKind.Queue || at(QUEUE_UNFINISHED) === 0;
    case StepOp.wait:
      return kind !== ObjectKind.Event || at(EVENT_FLAG) === 1;
    default:
      return true;
  }
}

/** How a thread may be stepped between two steps. */
export const Readiness = {
  /** Ended, unstarted, or waiting for something no step can give it now. */
  no: 0,
  /** Its operation can proceed now (status 'ready'). */
  ready: 1,
  /** A sleep whose end the clock has reached: it moves on without time passing. */
  due: 2,
  /** Only by letting time pass: a sleep's end or a timed wait's time-out (at `deadline`). */
  timed: 3,
} as const;
export type Readiness = (typeof Readiness)[keyof typeof Readiness];

/** Thread `id`'s {@link Readiness}; for `timed`, its deadline is the board's. */
export function readinessOf(heap: Heap, board: StepBoard, id: number): Readiness {
  const state = board.get(id, Row.state);
  if (state !== ThreadState.parked && state !== ThreadState.blocked) return Readiness.no;
  const op = board.get(id, Row.op);
  const timed = board.get(id, Row.timed) === 1;
  if (state === ThreadState.parked) {
    if (op === StepOp.sleep)
      return board.deadline(id) <= board.clockMs ? Readiness.due : Readiness.timed;
    if (timed) return Readiness.ready;
    const object = board.get(id, Row.object) - 1;
    const joins = board.get(id, Row.thread) - 1;
    return isFree(heap, id, op, object, joins) ? Readiness.ready : Readiness.no;
  }
  // Blocked inside a wait: ready once the word it sleeps on changed (it was woken).
  if (Atomics.load(heap.i32, board.get(id, Row.waitIndex)) !== board.get(id, Row.waitValue))
    return Readiness.ready;
  return timed ? Readiness.timed : Readiness.no;
}
