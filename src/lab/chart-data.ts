// The rows the lab's charts draw, computed without React so they can be tested on literal sweeps.
import type { SweepPoint, SweepResult } from '../runtime/contract-types';
import { amdahlSpeedup } from './amdahl';
import { statedSerialFractionOf } from './reading';

export type SpeedupRow = {
  threads: number;
  /** What the hardware allows: min(n, cores). */
  ideal: number;
  /** Perfect scaling, y = n: reachable only by threads that wait rather than compute. */
  linear: number;
  /** Amdahl's law at the serial fraction the reading states, null when it states none. */
  amdahl: number | null;
  /** Per series (in result order): the median's speedup, null when not measured here. */
  speedup: (number | null)[];
  /** Per series: [slowest, fastest] repeat as speedups, the spread behind the median. */
  band: ([number, number] | null)[];
};

// Every repeat's speedup against the same baseline as the median's: baseline = speedup × median.
const bandOf = (p: SweepPoint): [number, number] | null => {
  if (p.wallMs.length === 0 || !(p.medianMs > 0)) return null;
  const baselineMs = p.speedup * p.medianMs;
  return [baselineMs / Math.max(...p.wallMs), baselineMs / Math.min(...p.wallMs)];
};

/** One row per thread count measured in any series, ascending. */
export function speedupRowsOf(result: SweepResult): SpeedupRow[] {
  const cores = result.hardwareConcurrency;
  const counts = [...new Set(result.series.flatMap((s) => s.points.map((p) => p.threads)))];
  const s = statedSerialFractionOf(result);
  return counts
    .sort((a, b) => a - b)
    .map((threads) => {
      const at = result.series.map((series) => series.points.find((p) => p.threads === threads));
      return {
        threads,
        ideal: Math.min(threads, cores),
        linear: threads,
        amdahl: s === undefined ? null : amdahlSpeedup(s, threads, cores),
        speedup: at.map((p) => p?.speedup ?? null),
        band: at.map((p) => (p ? bandOf(p) : null)),
      };
    });
}

export type WallTimeRow = {
  label: string;
  /** Median at the smallest thread count (one thread in a default sweep). */
  baseMs: number;
  baseThreads: number;
  /** The fastest median at a larger thread count, null when only one count was measured. */
  bestMs: number | null;
  bestThreads: number | null;
};

/** Per series the before/after of the wall-time chart: fewest threads vs the best threaded run. */
export function wallTimeRowsOf(result: SweepResult): WallTimeRow[] {
  return result.series.flatMap(({ label, points }) => {
    const sorted = [...points].sort((a, b) => a.threads - b.threads);
    const [base, ...threaded] = sorted;
    if (!base) return [];
    const best = threaded.reduce<SweepPoint | null>(
      (a, b) => (a === null || b.medianMs < a.medianMs ? b : a),
      null,
    );
    return [
      {
        label,
        baseMs: base.medianMs,
        baseThreads: base.threads,
        bestMs: best?.medianMs ?? null,
        bestThreads: best?.threads ?? null,
      },
    ];
  });
}
