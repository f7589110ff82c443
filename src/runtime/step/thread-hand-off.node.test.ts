import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Heap } from '../../sync';
import { Control, runtimeBytesFor } from '../control';
import { LOG_CAP } from './board';
import { StepDriver, type Pick } from './driver';
import type { Plan } from './plan';
import { handOffWorkerFile, startHandOffThreads } from './testing/hand-off-threads.node';

// The threads' own hand-off on real worker_threads: with a plan, the thread that ends a step
// chooses the next one and wakes it; the controller only takes over for what the plan leaves to
// it. Each thread records itself in a shared "moves" list whenever it moves, so the schedule the
// controller reports can be compared with the steps really taken.

const THREADS = 3;
const STEPS = 30;
const TOTAL = THREADS * (STEPS + 2);
let file = '';
const workers: Worker[] = [];

beforeAll(async () => {
  file = await handOffWorkerFile();
  for (let i = 0; i < THREADS; i++) workers.push(new Worker(file));
});

async function replaceWorkers(): Promise<void> {
  await Promise.all(workers.map((w) => w.terminate()));
  workers.splice(0, workers.length, ...workers.map(() => new Worker(file)));
}

afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

async function planned(plan: Plan, pick: Pick = () => -1, steps = STEPS) {
  const heap = Heap.create({ maxThreads: 8, runtimeBytes: runtimeBytesFor(8) });
  const control = new Control(heap);
  const inside = heap.allocate(12, 4, 'inside').offset >> 2;
  const moves = heap.allocate(12, 4 * (THREADS * (steps + 2) + 1), 'moves').offset >> 2;
  const driver = new StepDriver(8, pick, { plan, stepLimitMs: 10_000 });
  const results = startHandOffThreads(heap, control, workers, {
    board: driver.board.buffer,
    steps,
    inside,
    handOff: true,
    moves,
  });
  const { ending } = await driver.drive({
    heap,
    control,
    stopped: new Promise<void>(() => {}),
    isStopped: () => false,
    lendMore: () => {},
  });
  // A run the controller stopped leaves its threads parked: their workers are replaced.
  if (ending.outcome === 'stopped') await replaceWorkers();
  const most = ending.outcome === 'ok' ? Math.max(...(await Promise.all(results))) : 0;
  const count = Atomics.load(heap.i32, moves);
  const taken = Array.from(heap.i32.subarray(moves + 1, moves + 1 + count));
  return { ending, schedule: [...driver.schedule], taken, most, driver };
}

describe('the threads’ own hand-off', () => {
  it('moves one thread per step and records exactly the steps taken, over many seeds', async () => {
    const schedules = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const { ending, schedule, taken, most, driver } = await planned({ then: 'random', seed });
      // A lost wake-up would leave the run waiting until the step limit: 'timeout'.
      expect(ending.outcome).toBe('ok');
      expect(most).toBe(1);
      expect(schedule).toHaveLength(TOTAL);
      expect(schedule).toEqual(taken);
      // The threads handed the steps over themselves: the controller heard from them only when
      // each first parked and when the run ended, not at every step.
      expect(Atomics.load(driver.board.i32, driver.board.signalIndex)).toBeLessThan(THREADS * 3);
      schedules.add(schedule.join());
    }
    expect(schedules.size).toBe(40);
  }, 120_000);

  it('decides as the seeded scheduler does: the same seed gives the same schedule', async () => {
    const first = await planned({ then: 'random', seed: 7 });
    const second = await planned({ then: 'random', seed: 7 });
    expect(second.schedule).toEqual(first.schedule);
  }, 60_000);

  it('replays a recorded schedule step for step', async () => {
    const recorded = await planned({ then: 'walk', seed: 11 });
    const replayed = await planned({ prefix: recorded.schedule, then: 'pause' });
    expect(replayed.ending.outcome).toBe('ok');
    expect(replayed.taken).toEqual(recorded.schedule);
    expect(replayed.schedule).toEqual(recorded.schedule);
    expect(replayed.driver.diverged).toBe(false);
  }, 60_000);

  it('hands the learner’s steps to the controller, then takes over again', async () => {
    // Replays 10 steps, then the controller's pick (the highest id that can move) for the rest.
    const recorded = await planned({ then: 'random', seed: 3 });
    const asked: number[] = [];
    const pick: Pick = (auto) => {
      asked.push(auto.steps);
      return Math.max(...auto.threads.filter((t) => t.enabled).map((t) => t.id));
    };
    const run = await planned({ prefix: recorded.schedule.slice(0, 10), then: 'pause' }, pick);
    expect(run.ending.outcome).toBe('ok');
    expect(run.schedule.slice(0, 10)).toEqual(recorded.schedule.slice(0, 10));
    expect(run.schedule).toEqual(run.taken);
    // Every step after the prefix was the controller's.
    expect(asked).toEqual(Array.from({ length: TOTAL - 10 }, (_, k) => 10 + k));
  }, 60_000);

  it('refuses a replayed step that cannot be taken, and stops there', async () => {
    const recorded = await planned({ then: 'random', seed: 5 });
    // Thread 0 ends at its last step: a schedule that steps it once more cannot be followed.
    const ended = recorded.schedule.lastIndexOf(0);
    const prefix = [...recorded.schedule.slice(0, ended + 1), 0];
    const run = await planned({ prefix, then: 'random', seed: 1 });
    expect(run.ending.outcome).toBe('stopped');
    expect(run.driver.refused).toMatch(/has ended/);
    expect(run.schedule).toEqual(recorded.schedule.slice(0, ended + 1));
  }, 60_000);

  it('goes past a full step log: the controller reads it and hands the run back', async () => {
    const steps = Math.ceil((LOG_CAP * 1.5) / THREADS);
    const { ending, schedule, taken, most } = await planned({ then: 'steady' }, () => -1, steps);
    expect(ending.outcome).toBe('ok');
    expect(most).toBe(1);
    expect(schedule.length).toBeGreaterThan(LOG_CAP);
    expect(schedule).toEqual(taken);
  }, 60_000);
});
