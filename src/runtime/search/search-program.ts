import type { SearchOptions, SearchProgress, SearchResult } from '../contract-types';
import type { StepRunResult } from '../step';
import { createAuto } from './auto';
import { preemptionsOf } from './choices';
import { defaultPreemptionBound, createExhaustive } from './exhaustive';
import { replayOn } from './follow';
import { isFailure } from './outcome';
import { createPct, maxPctDepth } from './pct';
import { createRandomWalk } from './random-walk';
import { shrinkRun } from './shrink';
import type { SearchEngine, Strategy } from './strategy';

export type { SearchEngine } from './strategy';

export const searchDefaults = { maxRuns: 1000, maxMs: 10_000, depth: maxPctDepth } as const;

/**
 * Shrinking shares the search's time budget, but a failure found late still gets `minShrinkMs`, and
 * none gets more than `maxShrinkMs`: a long schedule replays slowly, and the learner is waiting.
 */
export const shrinkTime = { minShrinkMs: 1_000, maxShrinkMs: 5_000 } as const;

/** The biggest preemption bound accepted: past it the space explodes for any program worth a UI. */
export const maxPreemptionBound = 6;

export type SearchHooks = {
  /** Cancels the search: its promise settles promptly, with no report it did not replay. */
  signal?: AbortSignal;
  onProgress?: (progress: SearchProgress) => void;
  /** Seeds PCT and the random walk (a search is reproducible from its seed). */
  seed?: number;
  now?: () => number;
};

/** The reason `options` is not a valid search request, or null when it is. */
export function searchOptionsProblem(options: SearchOptions): string | null {
  const { strategy, depth, preemptions, maxRuns, maxMs } = options;
  if (strategy !== undefined && !['pct', 'random', 'exhaustive'].includes(strategy)) {
    return `strategy must be 'pct', 'random' or 'exhaustive', not ${JSON.stringify(strategy)}`;
  }
  const wholeIn = (v: unknown, lo: number, hi: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  if (depth !== undefined && !wholeIn(depth, 1, maxPctDepth)) {
    return `depth must be a whole number from 1 to ${maxPctDepth}`;
  }
  if (preemptions !== undefined && !wholeIn(preemptions, 0, maxPreemptionBound)) {
    return `preemptions must be a whole number from 0 to ${maxPreemptionBound}`;
  }
  if (maxRuns !== undefined && !wholeIn(maxRuns, 1, 1_000_000)) {
    return 'maxRuns must be a whole number of at least 1';
  }
  if (maxMs !== undefined && !(typeof maxMs === 'number' && maxMs > 0 && Number.isFinite(maxMs))) {
    return 'maxMs must be a positive number of milliseconds';
  }
  return null;
}

function strategyFor(options: SearchOptions, seed: number): Strategy {
  const depth = options.depth ?? searchDefaults.depth;
  const preemptions = options.preemptions ?? defaultPreemptionBound;
  switch (options.strategy) {
    case 'pct':
      return createPct(seed, depth);
    case 'random':
      return createRandomWalk(seed);
    case 'exhaustive':
      return createExhaustive(preemptions);
    default:
      return createAuto({
        seed,
        depth,
        preemptions,
        maxRuns: options.maxRuns ?? searchDefaults.maxRuns,
      });
  }
}

/** Settles with the promise's value, or with null as soon as `signal` aborts. */
function unlessAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T | null> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/**
 * Runs the program in step mode under a strategy until a run fails (check-failed, deadlock, stuck,
 * error), the strategy has covered its space, the budget (runs, milliseconds) is spent, or the signal
 * cancels. A failing run is shrunk, and the result carries the shrunk schedule with the report of
 * its own replay, so replaying `schedule` in step mode ends exactly as `report` says.
 */
export async function searchProgram(
  engine: SearchEngine,
  options: SearchOptions = {},
  hooks: SearchHooks = {},
): Promise<SearchResult> {
  const problem = searchOptionsProblem(options);
  if (problem) throw new Error(`search: ${problem}`);
  const now = hooks.now ?? (() => performance.now());
  const { signal, onProgress } = hooks;
  const start = now();
  const maxRuns = options.maxRuns ?? searchDefaults.maxRuns;
  const maxMs = options.maxMs ?? searchDefaults.maxMs;
  const strategy = strategyFor(options, hooks.seed ?? 1);
  let runs = 0;
  const ms = () => Math.round(now() - start);
  const result = (extra: Partial<SearchResult> = {}): SearchResult => ({
    found: false,
    runs,
    ms: ms(),
    strategy: strategy.name,
    ...extra,
  });

  while (runs < maxRuns && ms() < maxMs && !signal?.aborted) {
    const scheduler = strategy.next();
    if (!scheduler) return result({ complete: strategy.complete() });
    const run = await unlessAborted(engine.run(scheduler), signal);
    if (!run) break;
    runs++;
    strategy.learn(run);
    onProgress?.({ runs, ms: ms() });
    if (isFailure(run.report)) {
      const report = (best: StepRunResult) =>
        onProgress?.({
          runs,
          ms: ms(),
          best: {
            steps: best.schedule.length,
            preemptions: preemptionsOf(best.schedule, best.views),
          },
        });
      report(run);
      // Shrinking stops on cancel with the best run so far: every candidate kept was replayed.
      const found = ms();
      const until = Math.min(
        Math.max(maxMs, found + shrinkTime.minShrinkMs),
        found + shrinkTime.maxShrinkMs,
      );
      const expired = () => ms() >= until;
      const shrunk = await unlessAborted(
        shrinkRun(run, replayOn(engine), { signal, expired, onSmaller: report }),
        signal,
      );
      const best = shrunk ?? run;
      return result({ found: true, schedule: best.schedule, report: best.report });
    }
  }
  const complete = strategy.complete();
  return result(complete ? { complete } : {});
}
