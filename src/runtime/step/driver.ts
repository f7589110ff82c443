import type { Heap } from '../../sync';
import { BlockOp } from '../../sync';
import { ControlWord, type Control } from '../control';
import type { Ending } from '../build-report';
import type { LiveLog } from '../live-log';
import { hangOf, namesOf } from './hang';
import { Command, Row, StepBoard, ThreadState } from './board';
import { Enabledness, type Names, type ThreadLook } from './enabledness';
import type { StepView, TakenStep } from './types';
import { candidatesOfView, decide, HAND_BACK, PlanState, type Plan } from './plan';
import { readLog } from './step-log';
import { nextTask, spinFor } from './page-wait';
import { refusal, takenStep } from './step-looks';

/** What the run gives the driver: its shared memory and its stop signal. */
export type StepHost = {
  heap: Heap;
  control: Control;
  stopped: Promise<void>;
  isStopped(): boolean;
  /** Lends workers to threads registered but not started yet. */
  lendMore(): void;
  /** Called when `pick` pauses (answers with a promise): the learner is about to look. */
  paused?(): void;
};

/**
 * Chooses the next thread. `auto` is what an automatic scheduler may take: time-outs only when
 * nothing else can move, the earliest first. `manual()` lists what may be stepped by hand (also
 * a sleeping thread, a timed wait as a time-out); it is built only when asked for.
 */
export type Pick = (auto: StepView, manual: () => StepView) => number | Promise<number>;

export type DriverOptions = {
  /** The run ends as `timeout` after this many steps. */
  maxSteps?: number;
  /** Wall time one step may take (a thread looping in plain JavaScript) before the run ends as `timeout`. */
  stepLimitMs?: number;
  /** Keeps the auto view before each step (for strategies that learn). */
  recordViews?: boolean;
  /**
   * Whether pending ops carry their source line (default true). Reading it costs a stack trace
   * per step, most of a step's time: a search that never shows its views turns it off.
   */
  lines?: boolean;
  /**
   * How steps are chosen, as data the threads can follow themselves (./plan.ts): each step is
   * then handed from thread to thread without the page. `pick` is asked only for the steps the
   * plan leaves to it (its `pause`).
   */
  plan?: Plan;
  /**
   * Keeps each step's operation and who waited ({@link StepDriver.taken}), for the learner's step
   * timeline. The controller then takes every decision itself: the threads hand no step over.
   */
  recordSteps?: boolean;
};

/**
 * The step-mode controller. It runs where the run is driven (the page's main thread), so it
 * never blocks: it waits with Atomics.waitAsync until every thread is parked, blocked or ended,
 * computes enabledness, asks the plan or `pick`, grants that one thread, and waits again. While a
 * plan decides, the threads hand the steps over among themselves and the controller only watches
 * (the step time limit, Stop) until they hand the run back (./hand-off.ts).
 */
export class StepDriver {
  readonly board: StepBoard;
  readonly schedule: number[] = [];
  /** Each step of `schedule` with its operation and who waited meanwhile (with `recordSteps`). */
  readonly taken: TakenStep[] = [];
  readonly views: StepView[] = [];
  lastLooks: ThreadLook[] = [];
  /** Why the run ended early: `pick` chose a thread that cannot move. */
  refused: string | null = null;
  /** The plan's state, on the board (null without a plan). */
  readonly plan: PlanState | null;

  constructor(
    maxThreads: number,
    private readonly pick: Pick,
    private readonly options: DriverOptions = {},
  ) {
    const prefix = options.plan?.prefix?.length ?? 0;
    this.board = StepBoard.create(maxThreads, prefix);
    this.board.lines = options.lines !== false;
    const board = this.board;
    this.plan = options.plan ? new PlanState(board.i32, board.planBase, board.prefixBase) : null;
    this.plan?.write(options.plan as Plan, prefix, options.maxSteps ?? 0);
  }

  /** Whether the plan's prefix named a thread that could not move (it went on with its policy). */
  get diverged(): boolean {
    return this.plan?.diverged ?? false;
  }

  /** The seeded scheduler's pick in `view`, from the plan's stream (shared with the threads). */
  randomPick(view: StepView): number {
    const auto = view.threads.filter((t) => t.enabled);
    const draw = this.plan ? this.plan.random() : 0;
    return (auto[Math.floor(draw * auto.length)] ?? auto[0])?.id ?? -1;
  }

  async drive(host: StepHost): Promise<{ ending: Ending; hang: LiveLog['hang'] }> {
    const names = namesOf(host.heap, host.control);
    const enabledness = new Enabledness(host.heap, this.board, names);
    const end = (
      outcome: Ending['outcome'],
      extra: Partial<Ending> = {},
      hang: LiveLog['hang'] = null,
    ) => ({
      ending: { outcome, gil: false, wallMs: this.board.clockMs, ...extra },
      hang,
    });
    let sliceStart = performance.now();
    for (;;) {
      // Steps caught by spinning never leave the current task: hand the page its event loop
      // back every few milliseconds, so a long run is no long task.
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = performance.now();
      }
      const quiet = await this.quiescence(host);
      this.readLog(names);
      if (quiet !== 'quiet') return end(quiet);
      const count = threadCount(host.heap, host.control);
      const looks = Array.from({ length: count }, (_, id) => enabledness.look(id));
      this.lastLooks = looks;
      if (host.control.load(ControlWord.liveThreads) === 0 && host.control.pendingSpawns() === 0)
        return end('ok');
      if (!looks.some((t) => t.enabled)) {
        // A thread waiting for the learner's input is not stuck: wait for the line.
        if (looks.some((t) => t.wait?.op === BlockOp.Input)) {
          if (await this.inputArrives(host)) continue;
          return end('stopped');
        }
        const { outcome, extra, hang } = hangOf(host.heap, looks, names);
        return end(outcome, extra, hang);
      }
      if (this.options.maxSteps !== undefined && this.schedule.length >= this.options.maxSteps)
        return end('timeout');
      const auto = this.viewOf(looks, true);
      if (this.options.recordViews) this.views.push(auto);
      let chosen: number;
      try {
        const picked =
          this.planned(looks, auto) ?? this.pick(auto, () => this.viewOf(looks, false));
        if (typeof picked !== 'number') host.paused?.();
        // An automatic pick is synchronous: the loop then only yields while threads move.
        chosen =
          typeof picked === 'number'
            ? picked
            : await Promise.race([picked, host.stopped.then(() => -1)]);
      } catch (error) {
        // A scheduler that throws ends the run cleanly (its workers are returned or replaced).
        this.refused = `Step ${this.schedule.length + 1}: the scheduler failed: ${String(error)}`;
        return end('stopped');
      }
      if (host.isStopped()) return end('stopped');
      const look = looks[chosen];
      if (!look?.enabled) {
        this.refused = `Step ${this.schedule.length + 1}: ${refusal(chosen, look)}`;
        return end('stopped');
      }
      // A blocked thread enabled only by time ends its wait as a time-out (a sleep ends by itself).
      const timesOut =
        look.timeoutAtMs !== undefined && this.board.get(chosen, Row.state) === ThreadState.blocked;
      this.schedule.push(chosen);
      if (this.options.recordSteps) this.taken.push(takenStep(chosen, looks));
      this.board.countStep();
      // Recording each step's operation keeps every decision here, where the looks are.
      this.board.auto =
        !this.options.recordSteps && (this.plan?.decidesAt(this.schedule.length) ?? false);
      this.board.grant(chosen, timesOut ? Command.timeOut : Command.go);
    }
  }

  /**
   * The plan's pick for this step, or null when it leaves the step to `pick`. A prefix step that
   * the plan may not take is returned as it is, for the caller to refuse.
   */
  private planned(looks: readonly ThreadLook[], auto: StepView): number | null {
    const plan = this.plan;
    const step = this.schedule.length;
    if (!plan?.decidesAt(step)) return null;
    const manual = looks.filter((t) => t.enabled).map((t) => t.id);
    const pick = decide(
      plan,
      { ...candidatesOfView(auto), manual },
      step,
      this.schedule.at(-1) ?? -1,
    );
    if (pick !== HAND_BACK) return pick;
    return plan.diverged ? null : (plan.prefixAt(step) ?? null);
  }

  /** Takes the steps the threads logged into the schedule (and their views, when kept). */
  private readLog(names: Names): void {
    if (this.board.logged === 0) return;
    const nameOf = this.options.recordViews ? (id: number) => names.thread(id) : undefined;
    const { threads, views } = readLog(this.board, this.schedule, nameOf);
    this.schedule.push(...threads);
    this.views.push(...views);
  }

  /** The view of the moment the run paused or ended, with every thread's pending op. */
  get lastView(): StepView {
    return this.viewOf(this.lastLooks, false);
  }

  /** Waits until the page answers input() (true), or the run is stopped (false). */
  private async inputArrives(host: StepHost): Promise<boolean> {
    const word = host.control.word(ControlWord.inputSeq);
    const seen = Atomics.load(host.control.i32, word);
    while (Atomics.load(host.control.i32, word) === seen) {
      if (host.isStopped()) return false;
      const wait = Atomics.waitAsync(host.control.i32, word, seen, 1000);
      if (wait.async) await Promise.race([wait.value, host.stopped]);
    }
    return true;
  }

  /** Waits until no thread is moving; 'stopped' or 'timeout' instead when that comes first. */
  private async quiescence(host: StepHost): Promise<'quiet' | 'stopped' | 'timeout'> {
    const i32 = this.board.i32;
    const limitMs = this.options.stepLimitMs ?? 60_000;
    let started = performance.now();
    let taken = this.board.taken;
    for (;;) {
      const seen = Atomics.load(i32, this.board.signalIndex);
      if (!this.board.auto && this.allParked(host)) return 'quiet';
      // While the threads hand steps over themselves, the limit is on one step: it restarts
      // whenever a step was taken.
      if (this.board.taken !== taken) {
        taken = this.board.taken;
        started = performance.now();
      }
      if (host.isStopped()) return 'stopped';
      host.lendMore();
      // Most steps are a few microseconds of the thread's code: catching its park by spinning
      // briefly saves the event loop's turn that Atomics.waitAsync's promise costs.
      if (spinFor(i32, this.board.signalIndex, seen, SPIN_MS)) continue;
      const left = limitMs - (performance.now() - started);
      if (left <= 0) return 'timeout';
      const wait = Atomics.waitAsync(
        i32,
        this.board.signalIndex,
        seen,
        Math.min(left, this.board.auto ? WATCH_MS : 100),
      );
      if (wait.async) await Promise.race([wait.value, host.stopped]);
    }
  }

  private allParked(host: StepHost): boolean {
    const count = threadCount(host.heap, host.control);
    for (let id = 0; id < count; id++) {
      const state = this.board.get(id, Row.state);
      if (state === ThreadState.unstarted || state === ThreadState.moving) return false;
    }
    return true;
  }

  private viewOf(looks: readonly ThreadLook[], auto: boolean): StepView {
    let enabledAt = (t: ThreadLook) => t.enabled;
    if (auto && !looks.some((t) => t.enabled && t.timeoutAtMs === undefined)) {
      const first = Math.min(
        ...looks.map((t) => (t.enabled ? (t.timeoutAtMs ?? Infinity) : Infinity)),
      );
      enabledAt = (t) => t.enabled && t.timeoutAtMs === first;
    } else if (auto) enabledAt = (t) => t.enabled && t.timeoutAtMs === undefined;
    return {
      steps: this.schedule.length,
      clockMs: this.board.clockMs,
      schedule: [...this.schedule],
      threads: looks.map(({ id, name, status, pending, blockedReason, ...t }) => ({
        id,
        name,
        status,
        enabled: enabledAt({ id, name, status, ...t }),
        ...(pending && t.alive ? { pending } : {}),
        ...(blockedReason && !t.enabled ? { blockedReason } : {}),
      })),
    };
  }
}

/**
 * How long the controller spins on the signal word before it waits asynchronously: short steps
 * end within it, and a resolved waitAsync costs a turn of the event loop (tens of µs).
 */
const SPIN_MS = 0.05;
/** The longest stretch of steps the controller runs without yielding to the page's event loop. */
const SLICE_MS = 8;
/** How often the controller looks at the steps the threads take among themselves (time limit, Stop). */
const WATCH_MS = 20;

function threadCount(heap: Heap, control: Control): number {
  return Math.min(control.load(ControlWord.nextThread), heap.maxThreads);
}
