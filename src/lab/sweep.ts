// The speedup lab (docs/embedding.md): the same program over thread counts and one varied knob,
// repeated, summarised as medians and speedups, with an Amdahl fit.
import type {
  ParamValue,
  RunReport,
  State,
  SweepOptions,
  SweepPoint,
  SweepResult,
} from '../runtime/contract-types';
import { fitAmdahl } from './amdahl';
import { formatParamValue } from './options';
import { medianOf } from './stats';

export const DEFAULT_THREADS: readonly number[] = [1, 2, 4, 8, 16, 32];
export const DEFAULT_REPEATS = 5;

/** Sent before each run (warm-ups included) and once when the sweep is done. */
export type SweepProgress = {
  /** The point being measured, 1-based, counted over all series. */
  point: number;
  points: number;
  series: string;
  threads: number;
  /** Runs finished (warm-ups included) over all runs of the sweep. */
  fraction: number;
  /** Mean time per finished run × runs left; null before the first run has finished. */
  etaMs: number | null;
};

export type SweepDeps = {
  run(state: State): Promise<RunReport>;
  hardwareConcurrency: number;
  signal?: AbortSignal;
  onProgress?(progress: SweepProgress): void;
  now?(): number;
};

/** A run of the sweep ended badly (deadlock, error, …): measuring it further means nothing. */
export class SweepRunError extends Error {
  override name = 'SweepRunError';
  constructor(
    message: string,
    readonly series: string,
    readonly threads: number,
    readonly report: RunReport,
  ) {
    super(message);
  }
}

type SeriesPlan = { label: string; params: Record<string, ParamValue> };

// Knobs left out of series labels: every point sets `threads` itself, and the seed is not a setting
// a reader compares.
const UNLABELLED = new Set(['threads', 'seed']);

const labelOf = (params: Record<string, ParamValue>, fallback: string): string => {
  const shown = Object.entries(params).filter(([key]) => !UNLABELLED.has(key));
  return shown.length === 0
    ? fallback
    : shown.map(([k, v]) => `${k}: ${formatParamValue(v)}`).join(', ');
};

function planSeries(state: State, vary: SweepOptions['vary']): SeriesPlan[] {
  const base = state.params ?? {};
  const knobs = Object.entries(vary ?? {});
  if (knobs.length === 0) return [{ label: labelOf(base, state.demo), params: { ...base } }];
  const [only, ...more] = knobs;
  if (!only || more.length > 0) {
    throw new RangeError(`A sweep varies one knob at a time; got ${knobs.length}.`);
  }
  const [knob, values] = only;
  if (knob === 'threads') {
    throw new RangeError('Vary a knob other than threads: every series sweeps threads.');
  }
  if (values.length === 0) throw new RangeError(`The varied knob "${knob}" has no values.`);
  return values.map((value) => ({
    label: `${knob}: ${formatParamValue(value)}`,
    params: { ...base, [knob]: value },
  }));
}

function checkOptions(threads: readonly number[], repeats: number): void {
  if (threads.length === 0) throw new RangeError('A sweep needs at least one thread count.');
  const bad = threads.find((n) => !Number.isInteger(n) || n < 1);
  if (bad !== undefined) throw new RangeError(`Thread counts are positive integers; got ${bad}.`);
  if (new Set(threads).size !== threads.length) {
    throw new RangeError('Thread counts must not repeat.');
  }
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError(`Repeats is a positive integer; got ${repeats}.`);
  }
}

const abortError = (signal: AbortSignal): unknown =>
  signal.reason instanceof Error
    ? signal.reason
    : new DOMException('Sweep cancelled', 'AbortError');

// Rejects as soon as the signal fires, so Cancel answers at once even while a long run is still in
// flight; stopping that run is the runner's business (the integrator passes the same signal on).
// The caller has checked that the signal had not fired before the run started.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeFailure(report: RunReport): string {
  const failed = report.threads.find((t) => t.error);
  if (failed?.error) return `: thread ${failed.id} — ${failed.error.message}`;
  if (report.deadlock) {
    return `: ${report.deadlock.cycle.map((e) => `thread ${e.thread} waits for ${e.waitsFor}`).join(', ')}`;
  }
  if (report.stuck) {
    return `: ${report.stuck.waiting.map((w) => `thread ${w.thread} waits for ${w.waitsFor}`).join(', ')}`;
  }
  return '';
}

/**
 * Speedup relative to the measured one-thread median. The sweep always measures one thread (see
 * `withOneThread`): a baseline assumed "as if it had scaled perfectly" would put an invented point
 * on the chart and into the Amdahl fit.
 */
function withSpeedups(
  points: { threads: number; wallMs: number[]; medianMs: number }[],
): SweepPoint[] {
  const one = points.find((p) => p.threads === 1);
  if (!one) throw new Error('A sweep measures one thread before it computes speedups.');
  return points.map((p) => ({ ...p, speedup: p.medianMs > 0 ? one.medianMs / p.medianMs : 0 }));
}

/** The requested thread counts with 1 added first when absent: every speedup is against it. */
export const withOneThread = (threads: readonly number[]): number[] =>
  threads.includes(1) ? [...threads] : [1, ...threads];

/**
 * Runs the sweep: per series one discarded warm-up run at the largest thread count (it starts all
 * the workers the timed runs will reuse), then every thread count `repeats` times in a row, one
 * thread first even when the options leave it out.
 * Rejects with an AbortError when `deps.signal` fires, and with a SweepRunError naming the point
 * when a run ends other than 'ok' or 'check-failed' (a wrong answer still takes honest time).
 */
export async function runSweep(
  state: State,
  options: SweepOptions,
  deps: SweepDeps,
): Promise<SweepResult> {
  const requested = options.threads ?? [...DEFAULT_THREADS];
  const repeats = options.repeats ?? DEFAULT_REPEATS;
  checkOptions(requested, repeats);
  const threads = withOneThread(requested);
  const plans = planSeries(state, options.vary);
  const now = deps.now ?? (() => performance.now());
  const { signal } = deps;

  const totalRuns = plans.length * (1 + threads.length * repeats);
  const totalPoints = plans.length * threads.length;
  const startedMs = now();
  let runsDone = 0;
  let point = 1;
  const report = (series: string, n: number) => {
    const perRunMs = runsDone > 0 ? (now() - startedMs) / runsDone : null;
    deps.onProgress?.({
      point,
      points: totalPoints,
      series,
      threads: n,
      fraction: runsDone / totalRuns,
      etaMs: perRunMs === null ? null : perRunMs * (totalRuns - runsDone),
    });
  };
  const measure = async (plan: SeriesPlan, n: number, what: string): Promise<number> => {
    if (signal?.aborted) throw abortError(signal);
    report(plan.label, n);
    const runState: State = { ...state, params: { ...plan.params, threads: n } };
    const result = await untilAborted(deps.run(runState), signal);
    if (signal?.aborted) throw abortError(signal);
    if (result.outcome !== 'ok' && result.outcome !== 'check-failed') {
      throw new SweepRunError(
        `The sweep stopped at "${plan.label}", ${n} threads (${what}): the run ended as '${result.outcome}'${describeFailure(result)}.`,
        plan.label,
        n,
        result,
      );
    }
    runsDone++;
    return result.wallMs;
  };

  const series: SweepResult['series'] = [];
  for (const plan of plans) {
    await measure(plan, Math.max(...threads), 'warm-up');
    const points = [];
    for (const n of threads) {
      const wallMs: number[] = [];
      for (let r = 1; r <= repeats; r++) {
        wallMs.push(await measure(plan, n, `repeat ${r} of ${repeats}`));
      }
      points.push({ threads: n, wallMs, medianMs: medianOf(wallMs) });
      point = Math.min(point + 1, totalPoints);
    }
    series.push({ label: plan.label, params: plan.params, points: withSpeedups(points) });
  }
  report(plans.at(-1)?.label ?? '', threads.at(-1) ?? 0);
  return {
    hardwareConcurrency: deps.hardwareConcurrency,
    series,
    ...amdahlOf(series, deps.hardwareConcurrency),
  };
}

/** The series the Amdahl fit describes: the first with the GIL explicitly off, else the first. */
export function fittedSeriesOf(
  series: SweepResult['series'],
): SweepResult['series'][number] | undefined {
  return series.find((s) => s.params.gil === false) ?? series[0];
}

function amdahlOf(series: SweepResult['series'], cores: number): Pick<SweepResult, 'amdahl'> {
  const chosen = fittedSeriesOf(series);
  if (!chosen || !chosen.points.some((p) => Math.min(p.threads, cores) > 1)) return {};
  return { amdahl: { serialFraction: fitAmdahl(chosen.points, cores).serialFraction } };
}
