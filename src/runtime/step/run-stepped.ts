import type { RunReport } from '../contract-types';
import type { LogDelta } from '../live-log';
import type { ProgramRun, RunOptions } from '../run-options';
import { startRun } from '../run-program';
import { MAX_THREADS } from '../spawn';
import type { WorkerPool } from '../web-worker-pool';
import { StepDriver, type DriverOptions, type Pick } from './driver';
import { plannedScheduler, type PlannedScheduler } from './plan';
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

/**
 * Starts a program in step mode; `pick` chooses every step the driver's plan (if any) leaves to
 * it; `onDelta` sees every drain of its log.
 */
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
 * take: time-outs only when nothing else can move). A scheduler with a plan (./plan.ts) is run by
 * the threads themselves, each step handed from thread to thread. Rejects when the scheduler
 * picks a thread that cannot move, after the run is cleaned up.
 */
export async function runStepped(
  pool: WorkerPool,
  options: SteppedOptions,
  scheduler: Scheduler,
  { recordViews, lines, ...limits }: RunSteppedOptions = {},
): Promise<StepRunResult> {
  const plan = 'plan' in scheduler ? (scheduler as PlannedScheduler).plan : undefined;
  const { driver, report } = startStepped(pool, options, (auto) => scheduler(auto), {
    ...limits,
    recordViews: recordViews === true,
    lines: lines ?? recordViews === true,
    ...(plan ? { plan } : {}),
  });
  const done = await report;
  if (driver.refused) throw new Error(driver.refused);
  return {
    report: done,
    schedule: [...driver.schedule],
    views: driver.views,
    diverged: plan ? driver.diverged : undefined,
  };
}

/**
 * The seeded random scheduler: an enabled thread, uniformly, from a per-run stream (Tommy
 * Ettinger's Mulberry32, kept in the plan's state).
 */
export function seededScheduler(seed: number): PlannedScheduler {
  return plannedScheduler({ then: 'random', seed });
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
