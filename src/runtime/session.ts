import type { DemoDefinition } from '../demos/types';
import type { ParamValue, RunReport, State } from './contract-types';
import type { LiveLog } from './live-log';
import { startRun, type ProgramRun } from './run-program';
import type { WorkerPool } from './web-worker-pool';

/** What `window.interleave.demos()` lists (docs/embedding.md). */
export type DemoSummary = {
  id: string;
  title: string;
  concepts: string[];
  params: Record<string, ParamValue>;
  expect: DemoDefinition['expect'];
};

/** Knobs every program has (docs/programs.md), under the demo's own. */
const COMMON_DEFAULTS: Record<string, ParamValue> = { gil: false, seed: 1 };

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
  /** Each demo's state as the learner left it, so switching demos never loses an edit. */
  private readonly visited = new Map<string, State>();
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor(
    private readonly pool: WorkerPool,
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
   * Replaces the state (a validated one: see src/share). Does not run it. Another demo stops the
   * run in progress and forgets the last report and log: they were the previous demo's, and shown
   * beside the new demo's explanation they would answer a question it does not ask.
   */
  load(state: State): void {
    if (!this.demo(state.demo)) throw new Error(`Unknown demo '${state.demo}'.`);
    if (state.demo !== this.current.demo) this.forgetRun();
    this.current = structuredClone(state);
    this.emit();
  }

  private forgetRun(): void {
    this.run_?.stop();
    this.run_ = null;
    this.last = null;
    this.lastLog = null;
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
    this.stop();
    const run = startRun(this.pool, this.programOf(this.current));
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
    const run = startRun(this.pool, { ...this.programOf(state), trace: 'timing' });
    signal?.addEventListener('abort', () => run.stop(), { once: true });
    return run.report;
  }

  stop(): void {
    this.run_?.stop();
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
