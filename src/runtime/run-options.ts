import { EventKind } from '../sync';
import { ALL_EVENTS_MASK, eventMaskOf, VALUE_EVENTS_MASK } from '../trace/ring';
import type { ParamValue, RunReport } from './contract-types';
import type { LiveLog } from './live-log';
import type { PreparedProgram } from './prepared-program';
import type { ProgramText } from './analyze-source';
import type { RunConfig } from './run-config';
import type { StepDriver } from './step/driver';

// What a run is asked to do (RunOptions) and what its starter gets back (ProgramRun).

export type RunOptions = {
  source: string;
  params: Readonly<Record<string, ParamValue>>;
  /** A run still going after this long ends as `timeout`. */
  timeLimitMs?: number;
  /** Per-thread trace ring size (events). */
  traceCapacity?: number;
  /**
   * `full` (default) traces everything the timeline shows; `timing` only what a measurement
   * needs (thread start and end, output), so a sweep times the program, not the tracing.
   */
  trace?: 'full' | 'timing';
  /**
   * A search runs one program thousands of times: workers whose threads all ended go back to the
   * pool (the search's own) for its next run, instead of being replaced.
   */
  reuseWorkers?: boolean;
  /** Step mode: the driver that grants steps (src/runtime/step); absent for a parallel run. */
  step?: StepDriver;
  /**
   * Runs of one program with the same params (a search's) share this: the first run's top level
   * fills it with the memory it left, and later runs start from a copy of that memory instead of
   * evaluating the top level again.
   */
  prepared?: PreparedProgram;
};

/** A run in progress: its live log for the UI, its report when it ends, and its controls. */
export type ProgramRun = {
  readonly log: LiveLog;
  /** Always resolves, whatever the program did: internal failures end as `error`. */
  readonly report: Promise<RunReport>;
  /** Ends the run now (infinite loops included) by terminating its workers. */
  stop(): void;
  /** Ends the run now as `error`, saying why (the runner ran out of memory…). */
  abort(message: string): void;
  /** Answers the thread blocked in `input()`. */
  sendInput(line: string): void;
  /** The thread waiting for input (and its prompt is the last output line), or -1. */
  inputWaiting(): number;
};

const TIMING_EVENTS = eventMaskOf([EventKind.ThreadStart, EventKind.ThreadEnd, EventKind.Print]);

/** The events a run's threads trace. */
function traceMaskOf(options: RunOptions): number {
  if (options.trace === 'timing') return TIMING_EVENTS;
  // Shared reads and writes are traced unless the program's params say otherwise.
  return options.params.traceValues === false
    ? ALL_EVENTS_MASK & ~VALUE_EVENTS_MASK
    : ALL_EVENTS_MASK;
}

/** What every worker of a run is given: the run's memory, the program, and how to trace it. */
export function runConfigOf(
  options: RunOptions,
  text: ProgramText & { ok: true },
  run: Pick<RunConfig, 'heap' | 'rings' | 'gil' | 'startEpochMs' | 'workItersPerMs'>,
): RunConfig {
  const params = options.params;
  return {
    ...run,
    source: options.source,
    declarations: text.declarations,
    ...(text.instrumented ? { instrumented: text.instrumented } : {}),
    params,
    seed: typeof params.seed === 'number' ? params.seed : 1,
    ...(options.step ? { step: options.step.board.buffer } : {}),
    traceMask: traceMaskOf(options),
  };
}
