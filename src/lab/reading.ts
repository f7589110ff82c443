// A plain-language reading of a sweep, for learners. Every sentence is chosen from the numbers
// (speedup against the ideal min(n, cores), where the best point lies, whether time grows after
// it), never from a series' label: a label says what was intended, the data say what happened.
// Data too noisy to read get no lesson at all (see noise.ts), and the Amdahl estimate is stated
// only when it agrees with the measured points it was fitted to.
import type { SweepPoint, SweepResult } from '../runtime/contract-types';
import { amdahlSpeedup } from './amdahl';
import { NOISE_TOLERANCE, noiseOf } from './noise';
import { fittedSeriesOf } from './sweep';

export type SeriesReading = { label: string; sentences: string[] };
export type Reading = { series: SeriesReading[]; amdahl?: string };

/** Below this best speedup, adding threads bought nothing worth naming. */
const FLAT = 1.25;
/** Within this share of the ideal, the speedup reads as "close to ideal". */
const NEAR_IDEAL = 0.8;
/** Past the core count by this factor, the threads must have been waiting, not computing. */
const BEYOND_CORES = 1.25;
/** A median this much above the best one reads as "the time grows again". */
const GROWS = 1.15;

export const formatSpeedup = (x: number): string => `${x.toFixed(x < 2 ? 2 : 1)}×`;

const threadsWord = (n: number): string => `${n} thread${n === 1 ? '' : 's'}`;

const bestOf = (points: readonly SweepPoint[]): SweepPoint =>
  points.reduce((a, b) => (b.speedup > a.speedup ? b : a));

function headline(label: string, points: SweepPoint[], cores: number): string[] {
  const [first, ...threaded] = points as [SweepPoint, ...SweepPoint[]];
  const best = bestOf(threaded);
  const slowest = threaded.reduce((a, b) => (b.speedup < a.speedup ? b : a));
  const at = `${formatSpeedup(best.speedup)} at ${threadsWord(best.threads)}`;
  if (best.speedup < 1 && slowest.speedup < 1 / FLAT) {
    return [
      `${label}: no thread count beat ${threadsWord(first.threads)}; at ${threadsWord(slowest.threads)} it ran at ${formatSpeedup(slowest.speedup)} — the threads only got in each other's way.`,
    ];
  }
  if (best.speedup < FLAT) {
    return [`${label}: ${at} — only one thread runs at a time, so more threads do not help.`];
  }
  if (best.speedup > cores * BEYOND_CORES) {
    const close = best.speedup >= NEAR_IDEAL * best.threads ? ', close to ideal' : '';
    return [
      `${label}: ${at}${close}, more than ${cores} hardware threads could compute — because threads wait in parallel, and waiting needs no core.`,
    ];
  }
  const ideal = Math.min(best.threads, cores);
  const sentences =
    best.speedup >= NEAR_IDEAL * ideal
      ? [`${label}: ${at}, close to the ideal ${ideal}× — the work divides cleanly.`]
      : [
          `${label}: ${at}, short of the ideal ${ideal}× — part of the work runs one thread at a time (a shared lock, contention or start-up).`,
        ];
  if (points.some((p) => p.threads > cores)) {
    sentences.push(
      `Beyond ${cores} hardware thread${cores === 1 ? '' : 's'} CPU work cannot speed up further: no more cores compute at once.`,
    );
  }
  return sentences;
}

function regrowth(points: SweepPoint[]): string | undefined {
  const best = bestOf(points);
  // A best point at the smallest count is the headline's "no thread count beat it" already.
  if (best.threads === points[0]?.threads) return undefined;
  const after = points.filter((p) => p.threads > best.threads);
  const worst = after.reduce<SweepPoint | undefined>(
    (a, b) => (a === undefined || b.medianMs > a.medianMs ? b : a),
    undefined,
  );
  if (!worst || worst.medianMs <= best.medianMs * GROWS) return undefined;
  const ratio = worst.medianMs / best.medianMs;
  return `Past ${threadsWord(best.threads)} the time grows again (${ratio.toFixed(1)}× longer at ${threadsWord(worst.threads)}): start-up and contention cost more than the extra threads save.`;
}

export const TOO_NOISY = 'too noisy to read: run again, or close other programs';

function fitDisagrees(
  points: readonly SweepPoint[],
  serialFraction: number,
  cores: number,
): boolean {
  const best = bestOf(points).speedup;
  // The law's ceiling 1/s below a measured speedup would state a limit the chart already broke.
  if (serialFraction > 0 && 1 / serialFraction < best) return true;
  const squares = points.map(
    (p) => (p.speedup - amdahlSpeedup(serialFraction, p.threads, cores)) ** 2,
  );
  const rmse = Math.sqrt(squares.reduce((a, b) => a + b, 0) / points.length);
  return rmse > NOISE_TOLERANCE * best;
}

/**
 * The serial fraction the lab stands behind: the fit, unless its series is too noisy, its threads
 * beat the cores by waiting (the law counts computing threads), or the fit disagrees with the
 * points it was fitted to. The chart draws the Amdahl curve only for this, so that the chart and
 * the reading never disagree.
 */
export function statedSerialFractionOf(result: SweepResult): number | undefined {
  const s = result.amdahl?.serialFraction;
  const fitted = fittedSeriesOf(result.series);
  if (s === undefined || !fitted || noiseOf(fitted, result.series)) return undefined;
  const cores = result.hardwareConcurrency;
  if (bestOf(fitted.points).speedup > cores * BEYOND_CORES) return undefined;
  return fitDisagrees(fitted.points, s, cores) ? undefined : s;
}

function amdahlSentence(result: SweepResult): string | undefined {
  const fitted = fittedSeriesOf(result.series);
  if (result.amdahl === undefined || !fitted || noiseOf(fitted, result.series)) return undefined;
  const cores = result.hardwareConcurrency;
  if (bestOf(fitted.points).speedup > cores * BEYOND_CORES) {
    return `Amdahl's law counts threads that compute, and "${fitted.label}" beat the ${cores} hardware thread${cores === 1 ? '' : 's'} by waiting, so no serial fraction is estimated.`;
  }
  const s = statedSerialFractionOf(result);
  if (s === undefined) return undefined;
  const on = `(Amdahl fit on "${fitted.label}")`;
  const percent = Math.round(s * 100);
  if (percent < 1) {
    return `Almost none of the work behaves as serial ${on}: up to ${cores} threads, only the number of cores limits the speedup.`;
  }
  if (percent > 90) {
    const why =
      fitted.params.gil === false
        ? ', so with the GIL off something else ran the threads one at a time (a shared lock, or cores busy with other programs)'
        : '';
    return `About ${percent}% of the work behaves as serial ${on}: extra threads cannot help${why}.`;
  }
  return `About ${percent}% of the work behaves as serial ${on}, so no number of threads could exceed ${formatSpeedup(1 / s)}.`;
}

/** Reads a sweep in sentences: per series a headline and, when it applies, what limits it. */
export function readingOf(result: SweepResult): Reading {
  const series = result.series.map(({ label, params, points }) => {
    const sorted = [...points].sort((a, b) => a.threads - b.threads);
    if (sorted.length < 2) {
      return {
        label,
        sentences: [`${label}: one thread count only, so there is no speedup to read.`],
      };
    }
    const noise = noiseOf({ label, params, points }, result.series);
    if (noise) return { label, sentences: [`${label}: ${TOO_NOISY} (${noise}).`] };
    const grows = regrowth(sorted);
    const sentences = headline(label, sorted, result.hardwareConcurrency);
    return { label, sentences: grows ? [...sentences, grows] : sentences };
  });
  const amdahl = amdahlSentence(result);
  return amdahl ? { series, amdahl } : { series };
}
