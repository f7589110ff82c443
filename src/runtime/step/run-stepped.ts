import type { RunReport } from '../contract-types';
import type { LogDelta } from '../live-log';
import { startRun, type ProgramRun, type RunOptions } from '../run-program';
import { MAX_THREADS } from '../spawn';
import type { WorkerPool } from '../web-worker-pool';
import { StepDriver, type DriverOptions, type Pick } from './driver';
import type { Scheduler, StepRunResult } from './types';

export type SteppedOptions = Omit<RunOptions, 'step'>;

export type RunSteppedOptions = Omit<DriverOptions, 'recordViews' | 'lines'> & {
  /** Keep the view before each step in the result (strategies that learn). */
  recordViews?: boolean;
  /** Pending ops carry source lines (default: only when views are recorded). */
  lines?: boolean;
  /**
   * Reuse the pool's warm workers between runs (a search runs thousands). Today every run takes
   * workers from the pool and gives back the ones whose threads ended; the flag is accepted so
   * callers keep working when runs get fresh workers by default.
   */
  reuseWorkers?: boolean;
};

/** A step-mode run in progress: the run, its driver, and its report (mode 'step', schedule set). */
export type SteppedRun = { run: ProgramRun; driver: StepDriver; report: Promise<RunReport> };

/** Starts a program in step mode; `pick` chooses every step; `onDelta` sees every drain of its log. */
export function startStepped(
  pool: WorkerPool,
  options: SteppedOptions,
  pick: Pick,
  driverOptions: DriverOptions = {},
  onDelta?: (delta: LogDelta) => void,
): SteppedRun {
  const driver = new StepDriver(MAX_THREADS, pick, driverOptions);
  const run = startRun(pool, { ...options, step: driver }, onDelta);
  return { run, driver, report: run.report.then((report) => stepReport(report, driver)) };
}

/**
 * Runs one whole step-mode run under `scheduler` (which sees only what an automatic scheduler may
 * take: time-outs only when nothing else can move). Rejects when the scheduler picks a thread
 * that cannot move, after the run is cleaned up.
 */
export async function runStepped(
  pool: WorkerPool,
  options: SteppedOptions,
  scheduler: Scheduler,
  { recordViews, lines, ...limits }: RunSteppedOptions = {},
): Promise<StepRunResult> {
  const { driver, report } = startStepped(pool, options, (auto) => scheduler(auto), {
    ...limits,
    recordViews: recordViews === true,
    lines: lines ?? recordViews === true,
  });
  const done = await report;
  if (driver.refused) throw new Error(driver.refused);
  return { report: done, schedule: [...driver.schedule], views: driver.views };
}

/** A scheduler that replays `schedule`, then lets `then` choose. */
export function replayThen(schedule: readonly number[], then: Scheduler): Scheduler {
  let next = 0;
  return (view) => (next < schedule.length ? (schedule[next++] as number) : then(view));
}

/** The seeded random scheduler: an enabled thread, uniformly, from a per-run stream. */
export function seededScheduler(seed: number): Scheduler {
  const random = mulberry32(seed);
  return (view) => {
    const enabled = view.threads.filter((t) => t.enabled);
    const pick = enabled[Math.floor(random() * enabled.length)] ?? enabled[0];
    return pick ? pick.id : -1;
  };
}

/** Tommy Ettinger's Mulberry32: a small, fast, well-mixed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The report of a step-mode run: its mode and schedule, and who was blocked on what at the end. */
function stepReport(report: RunReport, driver: StepDriver): RunReport {
  const looks = new Map(driver.lastLooks.map((t) => [t.id, t]));
  const threads = report.threads.map((t) => {
    const look = looks.get(t.id);
    if (t.status !== 'running' || !look?.alive || look.enabled || !look.pending) return t;
    return { ...t, status: 'blocked' as const, blockedOn: look.pending.object ?? look.pending.op };
  });
  return { ...report, mode: 'step', threads, schedule: [...driver.schedule] };
}
