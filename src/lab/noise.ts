// When a sweep is too noisy to read. A busy machine (a student's laptop with a browser full of tabs)
// makes repeats disagree and bends the curve into shapes no model allows; reading a lesson into
// such data teaches the noise. These checks decide, from the measured points and their spread,
// whether a series may be read at all.
import type { SweepPoint, SweepResult } from '../runtime/contract-types';
import { medianOf } from './stats';

/**
 * The stated tolerance: repeats whose median absolute deviation exceeds this share of their
 * median disagree too much to read, and a curve that moves against the model by more than this
 * share is noise, not a shape.
 */
export const NOISE_TOLERANCE = 0.15;

/** Fewer repeats than this give no spread to judge: one outlier of two cannot be told apart. */
const SPREAD_NEEDS_REPEATS = 3;

type Series = SweepResult['series'][number];

/** Why a series cannot be read, in words a learner can check on the chart; undefined when it can. */
export type NoiseVerdict = string | undefined;

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The median absolute deviation of the repeats as a share of their median. */
export function relativeSpreadOf(point: SweepPoint): number {
  if (point.wallMs.length < SPREAD_NEEDS_REPEATS || !(point.medianMs > 0)) return 0;
  const median = medianOf(point.wallMs);
  return medianOf(point.wallMs.map((ms) => Math.abs(ms - median))) / median;
}

function spreadProblem(points: readonly SweepPoint[]): NoiseVerdict {
  const worst = points.reduce<SweepPoint | undefined>(
    (a, b) => (a === undefined || relativeSpreadOf(b) > relativeSpreadOf(a) ? b : a),
    undefined,
  );
  if (!worst || relativeSpreadOf(worst) <= NOISE_TOLERANCE) return undefined;
  return `the repeats at ${worst.threads} thread${worst.threads === 1 ? '' : 's'} differ by ${percent(relativeSpreadOf(worst))} around their median (more than ${percent(NOISE_TOLERANCE)})`;
}

/**
 * Adding threads may make a run faster, then stop helping, then make it slower (start-up and
 * contention grow with the count): the time falls, then grows. It cannot fall again once it has
 * grown: a time that goes down, up and down again, each by more than the tolerance, is the machine
 * doing something else during some of the points.
 */
function shapeProblem(sorted: readonly SweepPoint[]): NoiseVerdict {
  let lowest = Infinity;
  let peak: SweepPoint | undefined;
  for (const p of sorted) {
    if (peak && p.medianMs * (1 + NOISE_TOLERANCE) < peak.medianMs) {
      return `the time rose at ${peak.threads} threads and fell again at ${p.threads}, which more threads cannot cause`;
    }
    if (p.medianMs > lowest * (1 + NOISE_TOLERANCE) && (!peak || p.medianMs > peak.medianMs)) {
      peak = p;
    }
    lowest = Math.min(lowest, p.medianMs);
  }
  return undefined;
}

/**
 * The GIL only takes parallelism away: with it on, the same program at the same thread count cannot
 * run faster than with it off, and with one thread it changes nothing (nobody else wants it). When
 * either fails by more than the tolerance, the machine was busier during one series than the
 * other, and both are suspect.
 */
function gilProblem(series: Series, all: readonly Series[]): NoiseVerdict {
  const gil = series.params.gil;
  if (typeof gil !== 'boolean') return undefined;
  const sameButGil = (other: Series) =>
    other.params.gil === !gil &&
    Object.entries(series.params).every(([k, v]) => k === 'gil' || other.params[k] === v);
  const partner = all.find(sameButGil);
  if (!partner) return undefined;
  const [on, off] = gil ? [series, partner] : [partner, series];
  for (const p of on.points) {
    const q = off.points.find((x) => x.threads === p.threads);
    if (q && p.threads === 1 && Math.abs(p.medianMs - q.medianMs) > NOISE_TOLERANCE * q.medianMs) {
      return `one thread took ${Math.round(p.medianMs)} ms with the GIL on and ${Math.round(q.medianMs)} ms with it off, but one thread never waits for the GIL`;
    }
    if (q && p.medianMs * (1 + NOISE_TOLERANCE) < q.medianMs) {
      return `at ${p.threads} thread${p.threads === 1 ? '' : 's'} the GIL-on runs took ${Math.round(p.medianMs)} ms and the GIL-off runs ${Math.round(q.medianMs)} ms, but the GIL can only slow a program down`;
    }
  }
  return undefined;
}

/** Why `series` (one of `all`) is too noisy to read, or undefined when its points may be read. */
export function noiseOf(series: Series, all: readonly Series[]): NoiseVerdict {
  const sorted = [...series.points].sort((a, b) => a.threads - b.threads);
  return spreadProblem(sorted) ?? shapeProblem(sorted) ?? gilProblem(series, all);
}
