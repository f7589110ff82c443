import type { Heap } from '../../sync';
import { ControlWord, type Control } from '../control';
import { Command, LOG_CAP, Row, ThreadState, type Mask, type StepBoard } from './board';
import { decide, HAND_BACK, PlanState, type Candidates } from './plan';
import { Readiness, readinessOf } from './readiness';

/**
 * The threads' side of an automatic step-mode run. The thread that has just ended its step (its
 * next operation published, or blocked, or ended) is the only one moving, so it can read every
 * thread's readiness from shared memory, choose the next step by the run's plan, log it, and wake
 * that thread itself — one Atomics.notify from worker to worker, as a raw ping-pong does, instead
 * of a round trip through the page's main thread. It hands the run back to the controller (which
 * only watches meanwhile) whenever the plan does not decide (the learner's turn, a step the
 * prefix cannot take), nothing can move (the end, a deadlock, input), a thread is still starting
 * (it needs a worker from the page), or the step cap or the log is reached.
 */
export class HandOff {
  private readonly plan: PlanState;

  constructor(
    private readonly heap: Heap,
    private readonly control: Control,
    private readonly board: StepBoard,
  ) {
    this.plan = new PlanState(board.i32, board.planBase, board.prefixBase);
  }

  /** Grants the next step after `self`'s (true), or hands the run back (false: signal the controller). */
  next(self: number): boolean {
    const board = this.board;
    if (!board.auto) return false;
    const step = board.taken;
    const plan = this.plan;
    if (
      board.logged >= LOG_CAP ||
      (plan.maxSteps > 0 && step >= plan.maxSteps) ||
      !plan.decidesAt(step)
    )
      return this.handBack();
    const count = Math.min(this.control.load(ControlWord.nextThread), this.heap.maxThreads);
    const readiness: Readiness[] = [];
    for (let id = 0; id < count; id++) {
      const state = board.get(id, Row.state);
      if (state === ThreadState.unstarted || state === ThreadState.moving) return this.handBack();
      readiness.push(readinessOf(this.heap, board, id));
    }
    const c = candidatesOf(readiness, (id) => board.deadline(id));
    const pick = decide(plan, c, step, self);
    if (pick === HAND_BACK) return this.handBack();
    const timesOut =
      readiness[pick] === Readiness.timed && board.get(pick, Row.state) === ThreadState.blocked;
    board.logStep(pick, count, maskOf(c.auto), maskOf(c.choices === c.auto ? [] : c.choices));
    board.grant(pick, timesOut ? Command.timeOut : Command.go);
    return true;
  }

  /**
   * Whether the pending operation `self` publishes now is worth its source line: not while a
   * replay will step it again before it pauses (a line costs a stack trace; a share link or back()
   * replays hundreds of steps, and only the last pending op of each thread is ever shown).
   */
  lineShown(self: number): boolean {
    return !(this.board.auto && this.plan.stepsAgain(self, this.board.taken));
  }

  private handBack(): false {
    this.board.auto = false;
    return false;
  }
}

/**
 * The candidates of a step from each thread's readiness: what an automatic scheduler may take
 * (the ready and the due, else the earliest time-outs) and the search's choices (the ready ones
 * first).
 */
export function candidatesOf(
  readiness: readonly Readiness[],
  deadline: (id: number) => number,
): Candidates {
  const manual: number[] = [];
  const ready: number[] = [];
  const now: number[] = [];
  let earliest = Infinity;
  readiness.forEach((r, id) => {
    if (r === Readiness.no) return;
    manual.push(id);
    if (r === Readiness.ready) ready.push(id);
    if (r !== Readiness.timed) now.push(id);
    else earliest = Math.min(earliest, deadline(id));
  });
  const auto =
    now.length > 0
      ? now
      : manual.filter((id) => readiness[id] === Readiness.timed && deadline(id) === earliest);
  return { count: readiness.length, manual, auto, choices: ready.length > 0 ? ready : auto };
}

/** The ids as a {@link Mask}. */
export function maskOf(ids: readonly number[]): Mask {
  const mask = { lo: 0, hi: 0 };
  for (const id of ids) {
    if (id < 32) mask.lo |= 1 << id;
    else mask.hi |= 1 << (id - 32);
  }
  return mask;
}
