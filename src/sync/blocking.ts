import { context, traceTimed } from './context';
import { deadlineOf, nowMs } from './clock';
import { ThreadField, type Heap } from './heap';
import { EventKind, WakeResult, type BlockOp } from './kinds';
import { AbandonedError } from './errors';

/**
 * One blocking episode of one thread on one object: publishes "thread T waits for object O"
 * in T's thread-table row (what the watchdog reads), emits Block/Wake trace events, lets the
 * runtime release the GIL while the thread sleeps, and tracks the timeout's deadline.
 * Created only on slow paths.
 */
export class Blocking {
  private readonly deadline: number;
  private readonly row: number;
  private readonly op: BlockOp;
  private ended = false;

  constructor(
    private readonly heap: Heap,
    private readonly objectId: number,
    op: BlockOp,
    timeoutMs: number | undefined,
    arg = 0,
  ) {
    this.deadline = deadlineOf(timeoutMs);
    this.op = op;
    const ctx = context();
    const i32 = heap.i32;
    this.row = heap.threadWord(ctx.threadId, 0);
    i32[this.row + ThreadField.blockedOp] = op;
    i32[this.row + ThreadField.blockedTimed] = this.deadline === Infinity ? 0 : 1;
    i32[this.row + ThreadField.blockedArg] = arg;
    Atomics.add(i32, this.row + ThreadField.blockEpoch, 1);
    Atomics.store(i32, this.row + ThreadField.blockedOn, objectId + 1);
    traceTimed(EventKind.Block, objectId, op);
    ctx.hooks?.beforeBlock();
  }

  /** True once the deadline has passed. */
  get expired(): boolean {
    return this.deadline !== Infinity && nowMs() >= this.deadline;
  }

  /**
   * Sleeps while `i32[index] === expected`, at most until the deadline. Returns false when the
   * deadline has passed; true when woken, when the word changed, or spuriously — callers re-check.
   */
  wait(index: number, expected: number): boolean {
    const i32 = this.heap.i32;
    i32[this.row + ThreadField.waitIndex] = index;
    Atomics.store(i32, this.row + ThreadField.waitValue, expected);
    const park = context().hooks?.park;
    if (park) return park(this.objectId, this.op, index, expected, this.deadline);
    if (this.deadline === Infinity) {
      Atomics.wait(i32, index, expected);
      return true;
    }
    const left = this.deadline - nowMs();
    if (left <= 0) return false;
    Atomics.wait(i32, index, expected, left);
    return true;
  }

  /** Ends the episode (idempotent); `result` is what the trace records. */
  end(result: WakeResult = WakeResult.Ok): void {
    if (this.ended) return;
    this.ended = true;
    Atomics.store(this.heap.i32, this.row + ThreadField.blockedOn, 0);
    const ctx = context();
    ctx.hooks?.afterBlock();
    traceTimed(EventKind.Wake, this.objectId, result);
  }

  /** Ends the episode and throws if the object was abandoned by a dead owner. */
  checkAbandoned(kindName: string): void {
    const by = this.heap.abandonedBy(this.objectId);
    if (by !== 0) {
      this.end(WakeResult.Error);
      const what = `${kindName} '${this.heap.objectInfo(this.objectId).name}'`;
      throw new AbandonedError(what, by - 1, context().threadName);
    }
  }
}
