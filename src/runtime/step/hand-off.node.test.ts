import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Heap } from '../../sync';
import { Control, runtimeBytesFor } from '../control';
import { StepDriver } from './driver';
import { seededScheduler } from './run-stepped';
import { handOffWorkerFile, startHandOffThreads } from './testing/hand-off-threads.node';

// The grant hand-off on real worker_threads: the page's controller (StepDriver) grants one
// thread at a time; every thread checks a shared "inside" counter between its points.

const THREADS = 4;
const STEPS = 40;
const workers: Worker[] = [];

beforeAll(async () => {
  const file = await handOffWorkerFile();
  for (let i = 0; i < THREADS; i++) workers.push(new Worker(file));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

/** `pauseEvery`: every so many steps the pick answers with a promise, as a paused learner does. */
async function steppedRun(seed: number, pauseEvery = 0) {
  const heap = Heap.create({ maxThreads: 8, runtimeBytes: runtimeBytesFor(8) });
  const control = new Control(heap);
  const inside = heap.allocate(12, 4, 'inside').offset >> 2;
  const scheduler = seededScheduler(seed);
  let picks = 0;
  let promised = 0;
  let pausedWhilePending = 0;
  const driver = new StepDriver(
    8,
    (auto) => {
      const chosen = scheduler(auto);
      if (pauseEvery === 0 || ++picks % pauseEvery !== 0) return chosen;
      promised++;
      return new Promise<number>((resolve) => setTimeout(() => resolve(chosen), 0));
    },
    { recordSteps: true },
  );
  const results = startHandOffThreads(heap, control, workers, {
    board: driver.board.buffer,
    steps: STEPS,
    inside,
  });
  const { ending } = await driver.drive({
    heap,
    control,
    stopped: new Promise<void>(() => {}),
    isStopped: () => false,
    lendMore: () => {},
    paused: () => {
      // Called while the promised pick is still unanswered (the step not yet granted).
      if (driver.schedule.length === picks - 1) pausedWhilePending++;
    },
  });
  return {
    ending,
    schedule: driver.schedule,
    taken: driver.taken,
    pauses: { promised, pausedWhilePending },
    most: Math.max(...(await Promise.all(results))),
  };
}

describe('the grant hand-off', () => {
  it('never lets two threads move at once, over many random schedules', async () => {
    const schedules = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const { ending, schedule, most } = await steppedRun(seed);
      expect(ending.outcome).toBe('ok');
      expect(most).toBe(1);
      // start + STEPS points + end, for every thread.
      expect(schedule).toHaveLength(THREADS * (STEPS + 2));
      schedules.add(schedule.join());
    }
    // The schedules really differ: interleavings were explored, not one order replayed.
    expect(schedules.size).toBe(30);
  }, 120_000);

  it('records each step taken with its operation, and says when a pick pauses', async () => {
    const { ending, schedule, taken, pauses } = await steppedRun(7, 10);
    expect(ending.outcome).toBe('ok');
    expect(taken.map((t) => t.thread)).toEqual(schedule);
    for (let k = 0; k < THREADS; k++) {
      const ops = taken.filter((t) => t.thread === k).map((t) => t.op?.op);
      expect(ops[0]).toBe('start');
      expect(ops.at(-1)).toBe('end');
    }
    expect(pauses.promised).toBeGreaterThan(5);
    expect(pauses.pausedWhilePending).toBe(pauses.promised);
  }, 60_000);
});
