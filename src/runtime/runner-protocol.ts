import type { RunReport, SearchOptions, SearchProgress, SearchResult } from './contract-types';
import type { StepState } from './step/types';
import type { RunOptions } from './run-options';
import type { WireDelta } from './wire-delta';

/** The runner frame announces it can take its port; the page then sends `RUNNER_CONNECT`. */
export const RUNNER_READY = 'interleave:runner-ready';
export const RUNNER_CONNECT = 'interleave:runner-connect';

/** What the page hears about one run, from the runner frame. */
export type RunListener = {
  delta(delta: WireDelta): void;
  done(report: RunReport): void;
};

/**
 * A step run's answer to every call: its state, and the drains of its log since the last answer
 * (in the same message, so the page's log is up to date when the call resolves).
 */
export type StepInfo = {
  state: StepState;
  report: RunReport | null;
  schedule: number[];
  deltas: WireDelta[];
};

/** What the runner frame offers the page (over Comlink, on a private MessagePort). */
export type RunnerHostApi = {
  start(runId: number, options: RunOptions, listener: RunListener): void;
  stop(runId: number): void;
  input(runId: number, line: string): void;
  openStep(runId: number, options: RunOptions, schedule: number[], seed: number): Promise<StepInfo>;
  step(runId: number, thread?: number): Promise<StepInfo>;
  runToEnd(runId: number): Promise<StepInfo>;
  closeStep(runId: number): void;
  search(
    runId: number,
    options: RunOptions,
    search: SearchOptions,
    listener: { progress(p: SearchProgress): void },
  ): Promise<SearchResult>;
  stopSearch(runId: number): void;
  /** Answers while the frame's own thread is alive: the page's crash check. */
  ping(): boolean;
};

/**
 * The memory a runner frame may use (its workers included) before its run is ended as out of
 * memory: well under where a renderer process is killed, far above what a teaching program needs.
 */
export const MEMORY_BUDGET_BYTES = 1536 * 1024 * 1024;

export const OUT_OF_MEMORY =
  'The program ran out of memory: its threads used more than the runner allows ' +
  `(${MEMORY_BUDGET_BYTES / 1024 / 1024} MB), so the run was ended. The page and your code are safe.`;

export const RUNNER_CRASHED =
  'The program ran out of memory (or crashed its runner) and the run was ended. ' +
  'The page and your code are safe; the next run starts with a fresh runner.';

/** Checks a start request from the page before a run is built from it. */
export function isRunOptions(value: unknown): value is RunOptions {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  const params = o.params;
  return (
    typeof o.source === 'string' &&
    typeof params === 'object' &&
    params !== null &&
    Object.values(params).every((v) => ['number', 'boolean', 'string'].includes(typeof v)) &&
    (o.timeLimitMs === undefined || typeof o.timeLimitMs === 'number') &&
    (o.traceCapacity === undefined || Number.isInteger(o.traceCapacity)) &&
    (o.trace === undefined || o.trace === 'full' || o.trace === 'timing')
  );
}
