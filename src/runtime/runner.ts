import type { RunReport, SearchOptions, SearchProgress, SearchResult } from './contract-types';
import type { LiveLog } from './live-log';
import type { ProgramRun, RunOptions } from './run-options';
import type { StepState } from './step/types';

/** An open step-mode run, paused between steps (step-controller.ts, or its mirror on the page). */
export interface StepRun {
  state(): StepState;
  readonly report: RunReport | null;
  /** Every step taken since the run started. */
  readonly schedule: number[];
  readonly log: LiveLog;
  step(thread?: number): Promise<StepState>;
  runToEnd(): Promise<RunReport>;
  close(): void;
}

/** A search in progress (search-job.ts, or its mirror on the page). */
export interface SearchRun {
  readonly result: Promise<SearchResult>;
  readonly progress: SearchProgress;
  stop(): void;
}

/**
 * Where runs execute. The app runs them in a sandboxed runner frame (runner-client.ts), its own
 * process, so a program that exhausts memory or scribbles on its run's memory takes down only
 * that frame; the frame itself runs them on its worker pool (runner-host.ts).
 */
export interface Runner {
  start(options: RunOptions): ProgramRun;
  openStep(options: RunOptions, schedule: readonly number[], seed: number): Promise<StepRun>;
  search(options: RunOptions, search: SearchOptions, onProgress: () => void): SearchRun;
}
