/// <reference types="vite/client" />
// Step mode's figures: how fast the controller hands the single "moving" token from thread to
// thread, against the cheapest hand-off two workers can do (a raw Atomics ping-pong).
import { runStepped, seededScheduler, StepController } from '../src/runtime/step';
import ProgramWorker from '../src/runtime/program.worker.ts?worker&inline';
import { WorkerPool } from '../src/runtime/web-worker-pool';
import { measure, median, reported, round, type Figure, type Figures } from './figure';
import { expectOutcome } from './harness';
import { Pair } from './primitive-figures';

const ROUND_TRIPS = 4_000;
const REPS = 5;

/** 2 threads, a shared-counter loop: two steps (read, write) per iteration and thread. */
const COUNTER_LOOP = (iterations: number) => `
const counter = new SharedInt(0);
export const threads = 2;
export function thread(id) {
  for (let i = 0; i < ${iterations}; i++) counter.value = counter.value + 1;
}
`;

/** One seeded step run as a search runs it (no source lines): its steps, and its wall time. */
async function timedRun(pool: WorkerPool, iterations: number, seed: number) {
  // The pool boots workers between runs: time the steps, not a worker's start-up.
  await pool.whenWarm(3);
  const start = performance.now();
  const { report, schedule } = await runStepped(
    pool,
    { source: COUNTER_LOOP(iterations), params: {} },
    seededScheduler(seed),
  );
  const ms = performance.now() - start;
  expectOutcome(report, 'ok');
  return { steps: schedule.length, ms };
}

/**
 * Steps per second of the seeded scheduler, the threads handing each step over themselves, over a
 * whole run of thousands of steps: its set-up (the top level, starting the threads, check) is
 * counted too, so this is a lower bound.
 */
async function stepsPerSecond(pool: WorkerPool, iterations: number, seed: number): Promise<number> {
  const { steps, ms } = await timedRun(pool, iterations, seed);
  return steps / (ms / 1000);
}

/**
 * Scheduled steps per second vs raw ping-pong round trips per second. A step ends with the thread
 * that took it choosing the next one and, when that is another thread, waking it: at most half a
 * round trip, plus the choice (every thread's readiness, the plan, the log).
 */
async function stepRate(pool: WorkerPool, pair: Pair): Promise<Figure> {
  const iterations = ROUND_TRIPS / 2;
  await stepsPerSecond(pool, 50, 1);
  await pair.run('ping-raw', ROUND_TRIPS / 10);
  const ratios: number[] = [];
  const steps: number[] = [];
  const trips: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const [rawMs = 1] = await pair.run('ping-raw', ROUND_TRIPS);
    const tripsPerSecond = ROUND_TRIPS / (rawMs / 1000);
    const perSecond = await stepsPerSecond(pool, iterations, rep + 1);
    trips.push(tripsPerSecond);
    steps.push(perSecond);
    ratios.push(perSecond / tripsPerSecond);
  }
  const value = round(median(ratios));
  return {
    value,
    unit: 'x',
    budget: '≥ 0.3',
    pass: value >= 0.3,
    baseline: 'raw Atomics.wait/notify ping-pong round trips between 2 workers, same page',
    stepsPerSecond: Math.round(median(steps)),
    roundTripsPerSecond: Math.round(median(trips)),
    samples: ratios.map((r) => round(r)),
  };
}

/** back() on a 500-step run: the whole replay of 499 steps, paused again. */
async function backMs(pool: WorkerPool): Promise<Figure> {
  const source = COUNTER_LOOP(125);
  const first = await StepController.open(pool, { source, params: {} }, [], 3);
  const ran = await first.runToEnd();
  expectOutcome(ran, 'ok');
  const schedule = ran.schedule ?? [];
  const samples: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    await pool.whenWarm(3);
    const start = performance.now();
    const back = await StepController.open(pool, { source, params: {} }, schedule.slice(0, 499), 3);
    samples.push(performance.now() - start);
    back.close();
  }
  return reported(median(samples), 'ms', {
    steps: 499,
    samplesMs: samples.map((ms) => round(ms, 1)),
  });
}

export async function stepFigures(wanted: (name: string) => boolean): Promise<Figures> {
  const figures: Figures = {};
  const rate = 'step-mode-steps-vs-raw-wait-notify';
  const back = 'step-mode-back-on-500-steps';
  if (!wanted(rate) && !wanted(back)) return figures;
  // Blob workers, as in the runner frame: they inherit the bench page's policy, which lets them
  // import program modules from blob: URLs (a worker loaded by URL gets the app's policy). As many
  // kept warm as the runner frame keeps, so a step run (back() is one) starts on loaded workers
  // there as here.
  const pool = new WorkerPool(() => new ProgramWorker({ name: 'interleave-thread' }));
  if (wanted(rate)) {
    const pair = new Pair();
    try {
      await pair.setup();
      await measure(figures, rate, 'x', '≥ 0.3', () => stepRate(pool, pair));
    } finally {
      pair.close();
    }
  }
  if (wanted(back)) await measure(figures, back, 'ms', 'report', () => backMs(pool));
  return figures;
}
