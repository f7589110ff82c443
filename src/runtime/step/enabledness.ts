import type { Heap } from '../../sync';
import { BlockOp, ObjectKind, ThreadField, ThreadStatus } from '../../sync';
import { CONDITION_LOCK, isFree } from './readiness';
import type { StepBoard } from './board';
import { Row, StepOp, ThreadState, opName } from './board';
import type { StepThread } from './types';

/** Names the controller shows: objects by their declared names, threads by theirs. */
export type Names = { object(id: number): string; thread(id: number): string };

/** What a thread is waiting for when it cannot move: the wait-for graph's edge. */
export type Wait = { on: number; op: BlockOp; reason: string };

/**
 * One thread as the controller sees it between two steps. `timeoutAtMs` is set when the thread
 * is enabled only because time can pass (a sleep, a timed wait whose condition is unmet).
 */
export type ThreadLook = StepThread & { timeoutAtMs?: number; wait?: Wait; alive: boolean };

const blockOpOf: Record<number, BlockOp> = {
  [StepOp.acquire]: BlockOp.Acquire,
  [StepOp.get]: BlockOp.Get,
  [StepOp.put]: BlockOp.Put,
  [StepOp.wait]: BlockOp.Wait,
  [StepOp.join]: BlockOp.Join,
  [StepOp.barrier]: BlockOp.Barrier,
  [StepOp.result]: BlockOp.Result,
  [StepOp.input]: BlockOp.Input,
  [StepOp.sleep]: BlockOp.Wait,
};

/**
 * Reads the real state of the primitives, without blocking, to tell whether a thread's pending
 * operation can proceed now. Built once per run on the page; one `look` per thread per step.
 */
export class Enabledness {
  constructor(
    private readonly heap: Heap,
    private readonly board: StepBoard,
    private readonly names: Names,
  ) {}

  look(id: number): ThreadLook {
    const board = this.board;
    const state = board.get(id, Row.state);
    const name = this.names.thread(id);
    if (state === ThreadState.ended) {
      const failed =
        Atomics.load(this.heap.i32, this.heap.threadWord(id, ThreadField.status)) ===
        ThreadStatus.Failed;
      return { id, name, status: failed ? 'error' : 'done', enabled: false, alive: false };
    }
    const op = board.get(id, Row.op);
    const object = board.get(id, Row.object) - 1;
    const joins = board.get(id, Row.thread) - 1;
    const line = board.get(id, Row.line);
    const pending = {
      op: opName(op),
      ...(object >= 0 ? { object: this.names.object(object) } : {}),
      ...(joins >= 0 ? { object: this.names.thread(joins) } : {}),
      ...(line > 0 ? { line } : {}),
    };
    const timed = board.get(id, Row.timed) === 1;
    const base = { id, name, pending, alive: true };
    if (state === ThreadState.parked) {
      if (op === StepOp.sleep) {
        const at = board.deadline(id);
        const due = at <= board.clockMs;
        return { ...base, status: 'sleeping', enabled: true, ...(due ? {} : { timeoutAtMs: at }) };
      }
      const wait = timed ? null : this.blockerOf(id, op, object, joins);
      return wait
        ? { ...base, status: 'blocked', enabled: false, wait, blockedReason: wait.reason }
        : { ...base, status: 'ready', enabled: true };
    }
    // Blocked inside a wait: enabled once the word it sleeps on changed (it was woken).
    const index = board.get(id, Row.waitIndex);
    if (Atomics.load(this.heap.i32, index) !== board.get(id, Row.waitValue))
      return { ...base, status: 'ready', enabled: true };
    const wait = this.waitOf(id, op, object, joins);
    const status = op === StepOp.sleep ? 'sleeping' : 'blocked';
    return timed
      ? {
          ...base,
          status,
          enabled: true,
          timeoutAtMs: board.deadline(id),
          wait,
          blockedReason: wait.reason,
        }
      : { ...base, status, enabled: false, wait, blockedReason: wait.reason };
  }

  /** Why the untimed `op` of a thread at a scheduling point cannot proceed now, or null if it can. */
  blockerOf(self: number, op: number, object: number, joins: number): Wait | null {
    if (isFree(this.heap, self, op, object, joins)) return null;
    if (op !== StepOp.join && this.heap.kindOf(object) === ObjectKind.Condition) {
      const lock = Atomics.load(this.heap.i32, (this.heap.offsetOf(object) >> 2) + CONDITION_LOCK);
      return this.waitOf(self, op, lock, -1);
    }
    return this.waitOf(self, op, object, joins);
  }

  /** The wait-for edge of a thread that cannot move, and the sentence that says why. */
  waitOf(self: number, op: number, object: number, joins: number): Wait {
    const blockOp = blockOpOf[op] ?? BlockOp.Wait;
    if (op === StepOp.join && joins >= 0)
      return {
        on: joins,
        op: BlockOp.Join,
        reason: `waits for ${this.names.thread(joins)} to end`,
      };
    if (object < 0) {
      const reason =
        op === StepOp.input ? 'waits for input' : op === StepOp.sleep ? 'sleeps' : 'waits';
      return { on: -1, op: blockOp, reason };
    }
    const name = this.names.object(object);
    const kind = this.heap.kindOf(object);
    const ownerWord = this.heap.ownerWordOf(object);
    const owner = ownerWord === 0 ? -1 : Atomics.load(this.heap.i32, ownerWord) - 1;
    const held = owner >= 0 && owner !== self ? `, held by ${this.names.thread(owner)}` : '';
    let reason: string;
    if (
      op === StepOp.acquire &&
      (kind === ObjectKind.Semaphore || kind === ObjectKind.BoundedSemaphore)
    )
      reason = `waits for a permit of ${name}`;
    else if (op === StepOp.acquire) reason = `waits for ${name}${held}`;
    else if (op === StepOp.get) reason = `waits for an item in ${name}`;
    else if (op === StepOp.put) reason = `waits for room in ${name}`;
    else if (op === StepOp.join) reason = `waits until every item of ${name} is done`;
    else if (op === StepOp.barrier) reason = `waits at ${name} for the other parties`;
    else if (op === StepOp.result) reason = `waits for a task's result`;
    else if (kind === ObjectKind.Event) reason = `waits for ${name} to be set`;
    else if (kind === ObjectKind.Condition) reason = `waits for a notify on ${name}`;
    else reason = `waits on ${name}`;
    return { on: object, op: blockOp, reason };
  }
}
