// How many fresh workers the pool keeps warm, and when it may boot more. Booting a worker loads
// the worker bundle: on a two-core machine, sixteen at once take most of a second of CPU, and
// whatever run starts meanwhile waits for them. So the pool keeps only as many as recent runs
// used, and boots them a few at a time, between runs.

/** The most workers kept warm (a run of up to this many threads starts on loaded workers). */
export const MAX_WARM = 16;
/** Kept warm before any run has said how many it needs (most demos use two to eight threads). */
export const INITIAL_WARM = 8;
/** Never fewer warm than this, whatever recent runs used. */
export const MIN_WARM = 4;
/** Warm workers beyond the largest recent run's, for a program that starts one thread more. */
export const WARM_MARGIN = 2;
/** How many recent runs the target looks back on. */
export const RECENT_RUNS = 8;
/**
 * Workers booted together: a few, so a batch never floods a small machine's cores, yet enough to
 * keep up with runs that follow each other closely (a worker takes 30–300 ms to load there).
 */
export const BOOT_BATCH = 4;
/** No worker was taken or returned for this long: the next run has its workers, boot now. */
export const QUIET_MS = 40;
/**
 * A refill deferred this long goes ahead anyway once no loaded worker is left: runs that follow
 * each other without a gap must not leave the next run to start on cold workers.
 */
export const MAX_DEFER_MS = 1_000;

/**
 * Warm workers to keep: the most any of the recent runs held at once, plus a margin, within
 * `MIN_WARM` … `maxWarm`; `INITIAL_WARM` before the first run. A pool whose `maxWarm` is 0 (a
 * search's or sweep's own) keeps none.
 */
export function warmTarget(recentPeaks: readonly number[], maxWarm: number): number {
  if (maxWarm <= 0) return 0;
  if (recentPeaks.length === 0) return Math.min(INITIAL_WARM, maxWarm);
  const wanted = Math.max(...recentPeaks) + WARM_MARGIN;
  return Math.min(Math.max(wanted, MIN_WARM), maxWarm);
}

/** The peaks of the last `RECENT_RUNS` runs, the newest (`peak`) added. */
export function withPeak(recentPeaks: readonly number[], peak: number): number[] {
  return [...recentPeaks, peak].slice(-RECENT_RUNS);
}

export type BootMoment = {
  nowMs: number;
  /** Workers lent to runs right now, by this pool and its siblings. */
  lent: number;
  /** Idle workers that have loaded, ready for the next run. */
  loadedIdle: number;
  /** When a worker was last taken or returned, by this pool or its siblings. */
  lastActivityMs: number;
  /** Since when the pool has been short of warm workers. */
  shortSinceMs: number;
};

/**
 * Whether the pool may boot its next batch now: when no run holds workers and none was taken or
 * returned for `QUIET_MS` (a run that starts right after the last one ended takes loaded workers,
 * and starts, before any boot competes with it for the cores, or with a running program's
 * threads), or once the refill has waited `MAX_DEFER_MS` with no loaded worker left.
 */
export function mayBoot(moment: BootMoment): boolean {
  const { nowMs, lent, loadedIdle, lastActivityMs, shortSinceMs } = moment;
  if (loadedIdle === 0 && nowMs - shortSinceMs >= MAX_DEFER_MS) return true;
  return lent === 0 && nowMs - lastActivityMs >= QUIET_MS;
}
