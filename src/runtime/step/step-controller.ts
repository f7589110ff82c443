import type { RunReport } from '../contract-types';
import type { LiveLog, LogDelta } from '../live-log';
import type { WorkerPool } from '../web-worker-pool';
import { refusal } from './step-looks';
import { startStepped, type SteppedOptions, type SteppedRun } from './run-stepped';
import type { StepState, StepView } from './types';

/**
 * An interactive step-mode run: paused between steps until the learner (or the API) says which
 * thread moves next. The schedule being replayed, and after `runToEnd()` the seeded scheduler, are
 * the run's plan (./plan.ts), which the threads follow among themselves; the driver asks the
 * controller only for the learner's steps, answered by `step(thread)`.
 */
export class StepController {
  private readonly stepped: SteppedRun;
  private view: StepView | null = null;
  private autoView: StepView | null = null;
  private answer: ((thread: number) => void) | null = null;
  private pause: Promise<void>;
  private paused: () => void = () => {};
  private report_: RunReport | null = null;
  private busy = false;

  private constructor(
    pool: WorkerPool,
    options: SteppedOptions,
    replay: readonly number[],
    seed: number,
    onDelta?: (delta: LogDelta) => void,
  ) {
    this.pause = this.nextPause();
    const plan = {
      prefix: replay,
      check: 'manual',
      onDiverge: 'refuse',
      then: 'pause',
      seed,
    } as const;
    this.stepped = startStepped(
      pool,
      options,
      (auto, manual) => {
        this.view = manual();
        this.autoView = auto;
        return new Promise<number>((resolve) => {
          this.answer = resolve;
          this.paused();
        });
      },
      // The learner's step timeline shows each step's operation: the controller takes them all.
      { plan, recordSteps: true },
      onDelta,
    );
    void this.stepped.report.then(
      (report) => {
        this.report_ = report;
        this.answer = null;
        this.paused();
      },
      () => this.paused(),
    );
  }

  /**
   * Opens a step run paused at step 0, or at the end of `schedule` (replayed). Rejects, with the
   * run cleaned up, when the schedule does not fit the program. `onDelta` sees each drain of the
   * run's log: at every pause, and when the run ends.
   */
  static async open(
    pool: WorkerPool,
    options: SteppedOptions,
    schedule: readonly number[] = [],
    seed = 1,
    onDelta?: (delta: LogDelta) => void,
  ): Promise<StepController> {
    const controller = new StepController(pool, options, schedule, seed, onDelta);
    await controller.pause;
    const refused = controller.stepped.driver.refused;
    if (refused) throw new Error(`The schedule does not fit this program. ${refused}`);
    return controller;
  }

  get log(): LiveLog {
    return this.stepped.run.log;
  }

  get report(): RunReport | null {
    return this.report_;
  }

  /** The schedule so far: every step taken since the run started. */
  get schedule(): number[] {
    return [...this.stepped.driver.schedule];
  }

  state(): StepState {
    const driver = this.stepped.driver;
    const view = (this.report_ ? driver.lastView : this.view) ?? {
      steps: driver.schedule.length,
      clockMs: driver.board.clockMs,
      schedule: [...driver.schedule],
      threads: [],
    };
    return this.report_
      ? { ...structuredClone(view), report: this.report_ }
      : structuredClone(view);
  }

  /** Moves `thread` (default: the seeded scheduler's pick) one step; resolves paused again. */
  async step(thread?: number): Promise<StepState> {
    if (this.report_)
      throw new Error(
        'The step run has ended: step() cannot continue it. Use back() or load it again.',
      );
    const answer = this.answer;
    if (this.busy || !answer || !this.view || !this.autoView)
      throw new Error('A step is still in progress: wait for it to resolve.');
    const chosen = thread ?? this.stepped.driver.randomPick(this.autoView);
    if (!Number.isInteger(chosen))
      throw new Error(`step(thread) takes a thread id (a whole number), got ${String(thread)}.`);
    const look = this.view.threads.find((t) => t.id === chosen);
    if (!look?.enabled) {
      const why = look
        ? refusal(chosen, { ...look, alive: look.status !== 'done' && look.status !== 'error' })
        : refusal(chosen, undefined);
      throw new Error(why);
    }
    this.busy = true;
    try {
      this.answer = null;
      this.pause = this.nextPause();
      answer(chosen);
      await this.pause;
    } finally {
      this.busy = false;
    }
    return this.state();
  }

  /** Continues to the end with the seeded scheduler; resolves with the report. */
  async runToEnd(): Promise<RunReport> {
    const driver = this.stepped.driver;
    driver.plan?.continueWith('random');
    if (this.answer && this.autoView) {
      const answer = this.answer;
      this.answer = null;
      answer(driver.randomPick(this.autoView));
    }
    return this.stepped.report;
  }

  /** Ends the run (its workers are replaced). */
  close(): void {
    this.stepped.run.stop();
  }

  private nextPause(): Promise<void> {
    return new Promise<void>((resolve) => (this.paused = resolve));
  }
}
