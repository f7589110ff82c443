import type { DemoDefinition } from '../demos/types';
import type {
  ParamValue,
  RunReport,
  SearchOptions,
  SearchProgress,
  SearchResult,
  State,
} from './contract-types';
import { COMMON_DEFAULTS } from './common-knobs';
import type { LiveLog } from './live-log';
import type { ProgramRun } from './run-options';
import type { Runner, SearchRun, StepRun } from './runner';
import { searchOptionsProblem } from './search/search-program';
import type { StepState } from './step/types';

/** What `window.interleave.demos()` lists (docs/contracts.md). */
export type DemoSummary = {
  id: string;
  title: string;
  concepts: string[];
  params: Record<string, ParamValue>;
  expect: DemoDefinition['expect'];
};

/** The knob defaults of a demo: its own knobs, over the ones every program has. */
export function knobDefaults(demo: DemoDefinition | undefined): Record<string, ParamValue> {
  return {
    ...COMMON_DEFAULTS,
    ...Object.fromEntries((demo?.knobs ?? []).map((k) => [k.id, k.default])),
  };
}

/**
 * The learner's session: the current State (demo, code, knobs), the run in progress and the last
 * report. The single source of truth the UI renders and `window.interleave` drives.
 */
export class Session {
  private current: State;
  private run_: ProgramRun | null = null;
  private last: RunReport | null = null;
  private lastLog: LiveLog | null = null;
  /** The open step-mode run (paused between steps, or ended and still answering stepState). */
  private stepRun: StepRun | null = null;
  private searching: SearchRun | null = null;
  /** Each demo's state as the learner left it, so switching demos never loses an edit. */
  private readonly visited = new Map<string, State>();
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor(
    private readonly runner: Runner,
    private readonly catalogue: readonly DemoDefinition[],
    readonly defaultDemo = 'scratch',
  ) {
    this.current = { v: 1, demo: defaultDemo };
  }

  demo(id = this.current.demo): DemoDefinition | undefined {
    return this.catalogue.find((d) => d.id === id);
  }

  /** The knob defaults of a demo (its knobs plus the common ones). */
  defaultsOf(id: string): Record<string, ParamValue> {
    return knobDefaults(this.demo(id));
  }

  state(): State {
    return structuredClone(this.current);
  }

  /**
   * Replaces the state (a validated one: see src/share). Does not run it; closes a step run.
   * Another demo stops the run in progress and forgets the last report and log: they were the
   * previous demo's, and shown beside the new demo's explanation they would answer a question it
   * does not ask.
   */
  load(state: State): void {
    if (!this.demo(state.demo)) throw new Error(`Unknown demo '${state.demo}'.`);
    this.closeStepRun();
    if (state.demo !== this.current.demo) this.forgetRun();
    this.current = structuredClone(state);
    this.emit();
  }

  /**
   * Opens the current state as a step-mode run, paused at the end of its schedule (step 0
   * without one); resolves once every thread shows its pending operation.
   */
  async openStepRun(): Promise<StepState> {
    this.closeStepRun();
    const opened = await this.openStep(this.current.schedule ?? []);
    // The views show the opened run (the load that asked for it emitted before it was open),
    // and its report when the schedule it replayed ended it (a link to a deadlock).
    this.afterStep(opened);
    return opened.state();
  }

  /** The open step run's state; null when none is open. */
  stepState(): StepState | null {
    return this.stepRun?.state() ?? null;
  }

  /** Moves one thread of the open step run one step (default: the seeded scheduler's pick). */
  async step(thread?: number): Promise<StepState> {
    const run = this.openRun();
    const state = await run.step(thread);
    this.afterStep(run);
    return state;
  }

  /** Undoes the last step: replays the schedule minus its last entry. */
  async back(): Promise<StepState> {
    const schedule = this.openRun().schedule;
    if (schedule.length === 0) throw new Error('Nothing to undo: the step run is at step 0.');
    const previous = this.stepRun;
    const opened = await this.openStep(schedule.slice(0, -1));
    previous?.close();
    this.afterStep(opened);
    return opened.state();
  }

  /** Switches to another demo, keeping this one's edits for when the learner comes back. */
  switchDemo(id: string): void {
    this.visited.set(this.current.demo, this.state());
    this.load(this.visited.get(id) ?? { v: 1, demo: id });
  }

  /** Changes part of the state (code, knobs, demo). */
  update(change: Partial<Omit<State, 'v'>>): void {
    this.load({ ...this.current, ...change });
  }

  /** The program that runs: the state's code, or the demo's own. */
  source(): string {
    return this.programOf(this.current).source;
  }

  params(): Record<string, ParamValue> {
    return this.programOf(this.current).params;
  }

  /** What a state runs: its code (or its demo's) and its knobs over the demo's defaults. */
  private programOf(state: State): { source: string; params: Record<string, ParamValue> } {
    return {
      source: state.code ?? this.demo(state.demo)?.source ?? '',
      params: { ...this.defaultsOf(state.demo), ...state.params },
    };
  }

  get running(): ProgramRun | null {
    return this.run_;
  }

  /** The live log of the current run, or of the last one. */
  get log(): LiveLog | null {
    return this.lastLog;
  }

  lastReport(): RunReport | null {
    return this.last;
  }

  /** Runs the current program (stopping one in progress first); resolves with its report. */
  async run(): Promise<RunReport> {
    if (this.current.mode === 'step') return this.runSteps();
    this.stop();
    const run = this.runner.start(this.programOf(this.current));
    this.run_ = run;
    this.lastLog = run.log;
    this.emit();
    try {
      const report = await run.report;
      if (this.run_ === run) {
        this.last = report;
        this.run_ = null;
        this.emit();
      }
      return report;
    } catch (error) {
      if (this.run_ === run) this.run_ = null;
      this.emit();
      throw error;
    }
  }

  /**
   * Runs a state without changing the session, tracing only what timing needs (the speedup lab's
   * sweeps); `signal` stops it.
   */
  runState(state: State, signal?: AbortSignal): Promise<RunReport> {
    const run = this.runner.start({ ...this.programOf(state), trace: 'timing' });
    signal?.addEventListener('abort', () => run.stop(), { once: true });
    return run.report;
  }

  /**
   * Searches a state's interleavings for a failing one, without changing the session (see
   * src/runtime/search). Stops whatever runs first; `stop()` ends the search.
   */
  async search(state: State, options: SearchOptions = {}): Promise<SearchResult> {
    const problem = searchOptionsProblem(options);
    if (problem) throw new Error(`search: ${problem}`);
    if (!this.demo(state.demo)) throw new Error(`Unknown demo '${state.demo}'.`);
    this.stop();
    const job = this.runner.search(this.programOf(state), options, () => this.emit());
    this.searching = job;
    this.emit();
    try {
      return await job.result;
    } finally {
      if (this.searching === job) this.searching = null;
      this.emit();
    }
  }

  /** The search in progress: runs and milliseconds so far; null when none runs. */
  searchProgress(): SearchProgress | null {
    return this.searching?.progress ?? null;
  }

  stop(): void {
    this.searching?.stop();
    this.run_?.stop();
    if (!this.stepRun?.report) this.stepRun?.close();
  }

  /** Step mode's run(): continues the open step run (or opens one) to the end. */
  private async runSteps(): Promise<RunReport> {
    const run = this.stepRun ?? (await this.openStep(this.current.schedule ?? []));
    const report = await run.runToEnd();
    if (this.stepRun === run) {
      this.last = report;
      this.afterStep(run);
    }
    return report;
  }

  private async openStep(schedule: readonly number[]): Promise<StepRun> {
    this.run_?.stop();
    const program = this.programOf(this.current);
    const seed = typeof program.params.seed === 'number' ? program.params.seed : 1;
    const run = await this.runner.openStep(program, schedule, seed);
    this.stepRun = run;
    this.lastLog = run.log;
    return run;
  }

  private openRun(): StepRun {
    if (!this.stepRun) throw new Error("No step run is open: load a state with mode 'step' first.");
    return this.stepRun;
  }

  private afterStep(run: StepRun): void {
    this.current.schedule = run.schedule;
    if (run.report) this.last = run.report;
    this.emit();
  }

  private forgetRun(): void {
    this.run_?.stop();
    this.run_ = null;
    this.last = null;
    this.lastLog = null;
  }

  private closeStepRun(): void {
    this.stepRun?.close();
    this.stepRun = null;
  }

  demos(): DemoSummary[] {
    return this.catalogue.map((d) => ({
      id: d.id,
      title: d.title,
      concepts: [...d.concepts],
      params: this.defaultsOf(d.id),
      expect: { ...d.expect },
    }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Bumped at every change: a cheap snapshot for React's useSyncExternalStore. */
  get version(): number {
    return this.changes;
  }

  private emit(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}
