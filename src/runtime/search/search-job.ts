import type { ParamValue, SearchOptions, SearchProgress, SearchResult } from '../contract-types';
import { startStepped, type PlannedScheduler, type SteppedOptions } from '../step';
import type { PreparedProgram } from '../prepared-program';
import type { WorkerPool } from '../web-worker-pool';
import { searchProgram } from './search-program';
import type { SearchEngine } from './strategy';

/**
 * Bounds on one search run: a run past `maxSteps` (a spin loop the schedule never lets end) or a
 * step past `stepLimitMs` (plain JavaScript looping between two scheduling points) ends as
 * `timeout`, which is not a failure, and the search goes on to the next schedule.
 */
export const searchRunLimits = { maxSteps: 20_000, stepLimitMs: 5_000 } as const;

/** Trace events kept per thread in a search's run (a parallel run keeps 8192). */
const SEARCH_TRACE_CAPACITY = 1024;

/** How often progress wakes the session's listeners (the UI, the embed's progress events). */
const PROGRESS_EVERY_MS = 100;

/**
 * Step mode as the search's engine: each run is a step-mode run of `program` under the strategy's
 * scheduler, on the pool's warm workers, recording the view before each step. Aborting `signal`
 * stops the run in progress.
 */
export function steppedEngine(
  pool: WorkerPool,
  program: SteppedOptions,
  signal: AbortSignal,
): SearchEngine {
  // The top level runs once per search: later runs start from the memory it left.
  const prepared: PreparedProgram = {};
  return {
    run: async (scheduler) => {
      // A strategy's plan is followed by the threads themselves, step after step.
      const plan = 'plan' in scheduler ? (scheduler as PlannedScheduler).plan : undefined;
      const { run, driver, report } = startStepped(
        pool,
        // Thousands of runs: small rings keep the memory they churn through small (a full ring
        // only drops events; the outcome, which the search judges, does not come from them).
        { ...program, reuseWorkers: true, prepared, traceCapacity: SEARCH_TRACE_CAPACITY },
        (auto) => scheduler(auto),
        // The strategies and the shrinker read the views; nobody reads their source lines, and
        // each costs a stack trace per step.
        { ...searchRunLimits, recordViews: true, lines: false, ...(plan ? { plan } : {}) },
      );
      const stop = () => run.stop();
      signal.addEventListener('abort', stop, { once: true });
      try {
        const done = await report;
        if (driver.refused) throw new Error(driver.refused);
        return {
          report: done,
          schedule: [...driver.schedule],
          views: driver.views,
          diverged: plan ? driver.diverged : undefined,
        };
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },
  };
}

/** One search in progress: its result, its latest progress, and its stop. */
export class SearchJob {
  private readonly controller = new AbortController();
  private progress_: SearchProgress = { runs: 0, ms: 0 };
  private told = 0;
  readonly result: Promise<SearchResult>;

  constructor(
    pool: WorkerPool,
    program: { source: string; params: Readonly<Record<string, ParamValue>> },
    options: SearchOptions,
    onProgress: () => void,
  ) {
    const signal = this.controller.signal;
    const seed = typeof program.params.seed === 'number' ? program.params.seed : 1;
    this.result = searchProgram(steppedEngine(pool, program, signal), options, {
      signal,
      seed,
      onProgress: (progress) => {
        this.progress_ = progress;
        const now = performance.now();
        if (now - this.told < PROGRESS_EVERY_MS) return;
        this.told = now;
        onProgress();
      },
    });
  }

  get progress(): SearchProgress {
    return structuredClone(this.progress_);
  }

  stop(): void {
    this.controller.abort();
  }
}
