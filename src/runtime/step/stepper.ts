import type { BlockOp } from '../../sync';
import type { StepBoard } from './board';
import type { HandOff } from './hand-off';
import { Command, Row, StepOp, ThreadState, stepOpOfBlock } from './board';

/**
 * One program thread's side of step mode, in its worker. At each scheduling point the thread
 * publishes its pending operation, parks, and waits on its own grant word until the controller
 * lets it move; a blocking wait parks the same way instead of sleeping on the primitive's word.
 * Only the granted thread runs, so the rows and the virtual clock need no locking; when its step
 * ends, that thread may choose and wake the next one itself (./hand-off.ts).
 */
export class Stepper {
  private readonly i32: Int32Array;
  private readonly grantWord: number;

  constructor(
    private readonly board: StepBoard,
    private readonly thread: number,
    /** The program module's URL in this thread ('' before it is evaluated): lines come from it. */
    private readonly moduleUrl: () => string,
    /** Hands the next step over without the controller, when the run's plan allows (./hand-off.ts). */
    private readonly handOff: HandOff | null = null,
  ) {
    this.i32 = board.i32;
    this.grantWord = board.word(thread, Row.grant);
  }

  clockMs(): number {
    return this.board.clockMs;
  }

  /** A scheduling point: publishes `op` on `object` (-1 for none) and waits for the grant. */
  point(op: StepOp, object = -1, timed = false, joins = -1): Command {
    const board = this.board;
    const t = this.thread;
    board.set(t, Row.op, op);
    board.set(t, Row.object, object + 1);
    board.set(t, Row.thread, joins + 1);
    board.set(t, Row.timed, timed ? 1 : 0);
    board.set(t, Row.line, this.handOff?.lineShown(t) === false ? 0 : this.line());
    return this.parkAs(ThreadState.parked);
  }

  /** `sleep(ms)`: one step, enabled at once; the clock moves to its end when it is taken. */
  sleep(ms: number): void {
    this.board.setDeadline(this.thread, this.board.clockMs + ms);
    this.point(StepOp.sleep, -1, true);
    this.board.advanceTo(this.board.deadline(this.thread));
  }

  /** `work(ms)`: one step; the computation's time passes on the virtual clock, no wall time. */
  work(ms: number): void {
    this.point(StepOp.work);
    this.board.clockMs += ms;
  }

  /**
   * A blocking wait (Blocking's park hook): parks as blocked until the controller grants it —
   * once `i32[index]` changed (woken) or, for a timed wait, as a time-out. False on time-out.
   */
  park(
    objectId: number,
    op: BlockOp | StepOp,
    index: number,
    expected: number,
    deadlineMs: number,
    stepOp = stepOpOfBlock[op] ?? StepOp.wait,
  ): boolean {
    const board = this.board;
    const t = this.thread;
    board.set(t, Row.op, stepOp);
    board.set(t, Row.object, stepOp === StepOp.join ? 0 : objectId + 1);
    board.set(t, Row.thread, stepOp === StepOp.join ? objectId + 1 : 0);
    board.set(t, Row.waitIndex, index);
    board.set(t, Row.waitValue, expected);
    board.set(t, Row.timed, deadlineMs === Infinity ? 0 : 1);
    board.setDeadline(t, deadlineMs);
    if (this.parkAs(ThreadState.blocked) !== Command.timeOut) return true;
    board.advanceTo(deadlineMs);
    return false;
  }

  /** The thread has ended: its last row change. */
  finish(): void {
    this.endStep(ThreadState.ended);
  }

  private parkAs(state: ThreadState): Command {
    const seen = Atomics.load(this.i32, this.grantWord);
    this.endStep(state);
    while (Atomics.load(this.i32, this.grantWord) === seen)
      Atomics.wait(this.i32, this.grantWord, seen);
    return this.board.get(this.thread, Row.command) as Command;
  }

  /**
   * Publishes the thread's new state. A thread that was moving has just ended the run's step: it
   * grants the next one itself when it can; otherwise (and at a thread's first point) it tells the
   * controller.
   */
  private endStep(state: ThreadState): void {
    const moving = this.board.get(this.thread, Row.state) === ThreadState.moving;
    this.board.set(this.thread, Row.state, state);
    if (!(moving && this.handOff?.next(this.thread))) this.board.signal();
  }

  /** The learner's line of the call being made: the first stack frame in the program module. */
  private line(): number {
    const url = this.moduleUrl();
    if (url === '' || !this.board.lines) return 0;
    // The program's frame is a few frames up (facade, hook, schedulePoint, point). Error is frozen
    // before programs run (worker/harden.ts), so the stack depth stays the worker's.
    const stack = new Error().stack ?? '';
    const at = stack.indexOf(url);
    if (at < 0) return 0;
    const position = /^:(\d+):/.exec(stack.slice(at + url.length, at + url.length + 12));
    return position ? Number(position[1]) : 0;
  }
}
