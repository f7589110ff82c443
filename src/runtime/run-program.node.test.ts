import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogDelta } from './live-log';
import type { ProgramRun, RunOptions } from './run-options';
import { startRun } from './run-program';
import { nodeWorkerPool, type NodePool } from './testing/node-worker-pool';

// The run lifecycle on real program workers (worker_threads running program.worker.ts): every
// way a run can end — done, stopped in each phase, a program error, a deadlock, a failed check,
// an internal failure — ends in a report, and leaves the pool whole for the next run.

let nodePool: NodePool;
beforeAll(async () => {
  nodePool = await nodeWorkerPool();
});
afterAll(() => nodePool.pool.dispose());

type Started = { run: ProgramRun; printed: (text: string, times: number) => Promise<void> };

/** Starts `source`; `printed` resolves once `text` was printed `times` times (a state, not a time). */
function start(source: string, params: RunOptions['params'] = {}): Started {
  const lines: string[] = [];
  const waiters: { text: string; times: number; resolve: () => void }[] = [];
  const onDelta = (delta: LogDelta) => {
    lines.push(...delta.output.map((o) => o.text));
    for (const w of waiters) if (lines.filter((l) => l === w.text).length >= w.times) w.resolve();
  };
  const run = startRun(nodePool.pool, { source, params, timeLimitMs: 20_000 }, onDelta);
  const printed = (text: string, times: number) =>
    new Promise<void>((resolve) => {
      waiters.push({ text, times, resolve });
      onDelta({ ...emptyDelta });
    });
  return { run, printed };
}

const emptyDelta: LogDelta = {
  events: [],
  output: [],
  threads: [],
  outputTruncated: false,
  ringDropped: 0,
  capDropped: 0,
  inputWaiting: -1,
};

const COUNTER = `
const counter = new SharedInt(0);
const lock = new Lock();
export const threads = 4;
export function thread() {
  for (let i = 0; i < 200; i++) lock.with(() => { counter.value = counter.value + 1; });
}
export function check() { return counter.value === 800; }
`;

const endedCount = () => nodePool.started.filter((w) => w.terminated).length;

/**
 * After any run: nothing is still lent, every live worker is idle (fresh, for the next run), and
 * the run ended the workers it used. `before` is {@link endedCount} before the run.
 */
function expectPoolWhole(before: number): void {
  const { pool, started } = nodePool;
  expect(pool.lentCount).toBe(0);
  expect(started.filter((w) => !w.terminated).length).toBe(pool.idleCount);
  expect(endedCount()).toBeGreaterThan(before);
}

describe('a run on real workers ends in a report, whatever happens, and the pool stays whole', () => {
  it('a correct program ends ok, its check passes, and its workers are replaced by fresh ones', async () => {
    for (let round = 0; round < 5; round++) {
      const before = endedCount();
      const report = await start(COUNTER).run.report;
      expect(report.outcome).toBe('ok');
      expect(report.check).toEqual({ passed: true });
      expect(report.shared.counter).toBe(800);
      expect(report.threads.map((t) => t.status)).toEqual(['done', 'done', 'done', 'done']);
      expectPoolWhole(before);
    }
  });

  it('stop() while threads spin in an infinite loop ends the run as stopped', async () => {
    for (let round = 0; round < 3; round++) {
      const before = endedCount();
      const { run, printed } = start(`
export const threads = 3;
export function thread() { print('spinning'); while (true) {} }
`);
      await printed('spinning', 3);
      run.stop();
      const report = await run.report;
      expect(report.outcome).toBe('stopped');
      expectPoolWhole(before);
    }
    expect((await start(COUNTER).run.report).outcome).toBe('ok');
  });

  it('stop() while the top level loops ends the run as stopped before any thread starts', async () => {
    const before = endedCount();
    const { run } = start(`
while (true) {}
export function main() {}
`);
    run.stop();
    const report = await run.report;
    expect(report.outcome).toBe('stopped');
    expect(report.threads).toEqual([]);
    expectPoolWhole(before);
  });

  it('an exception in a thread is an error at its line; one at the top level too, whatever is thrown', async () => {
    const inThread = await start(`
export const threads = 2;
export function thread(id) {
  if (id === 1) throw new RangeError('bad ' + id);
}
`).run.report;
    expect(inThread.outcome).toBe('error');
    expect(inThread.threads[1]?.error).toMatchObject({ message: 'RangeError: bad 1', line: 4 });
    expect(inThread.threads[0]?.status).toBe('done');

    const before = endedCount();
    const topLevel = await start(`throw Object.create(null);\nexport function main() {}`).run
      .report;
    expect(topLevel.outcome).toBe('error');
    expectPoolWhole(before);
  });

  it('opposite lock orders deadlock: the report names the cycle, and the blocked workers are ended', async () => {
    for (let round = 0; round < 3; round++) {
      const before = endedCount();
      const report = await start(`
const a = new Lock();
const b = new Lock();
const both = new Barrier(2);
export const threads = 2;
export function thread(id) {
  const [first, second] = id === 0 ? [a, b] : [b, a];
  first.acquire();
  both.wait();
  second.acquire();
}
`).run.report;
      expect(report.outcome).toBe('deadlock');
      const cycle = report.deadlock?.cycle ?? [];
      expect(cycle.map((edge) => edge.thread).sort()).toEqual([0, 1]);
      expectPoolWhole(before);
    }
  });

  it('a check that fails ends as check-failed with its message', async () => {
    const report = await start(`
const counter = new SharedInt(1);
export function main() {}
export function check() { return counter.value === 2 || 'counter is ' + counter.value; }
`).run.report;
    expect(report.outcome).toBe('check-failed');
    expect(report.check).toEqual({ passed: false, message: 'counter is 1' });
  });

  it('abort() ends a running run as an error saying why, and the next run works', async () => {
    const before = endedCount();
    const { run, printed } = start(`
export function main() { print('up'); while (true) {} }
`);
    await printed('up', 1);
    run.abort('The runner ran out of memory.');
    const report = await run.report;
    expect(report.outcome).toBe('error');
    expectPoolWhole(before);
    expect((await start(COUNTER).run.report).outcome).toBe('ok');
  });

  it('more threads than the runtime allows is an error report, not a rejection, and loses no worker', async () => {
    const before = endedCount();
    const report = await start(`
export const roles = { producer: 40, consumer: 40 };
export function producer() {}
export function consumer() {}
`).run.report;
    expect(report.outcome).toBe('error');
    expectPoolWhole(before);
    expect((await start(COUNTER).run.report).outcome).toBe('ok');
  });

  it('a search-style run with reuseWorkers gives its finished workers back instead of ending them', async () => {
    const { pool, started } = nodePool;
    const endedBy = async (reuseWorkers: boolean) => {
      const ended = () => started.filter((w) => w.terminated).length;
      const before = ended();
      const report = await startRun(pool, { source: COUNTER, params: {}, reuseWorkers }).report;
      expect(report.outcome).toBe('ok');
      expect(pool.lentCount).toBe(0);
      expect(started.filter((w) => !w.terminated).length).toBe(pool.idleCount);
      return ended() - before;
    };
    // Without reuse the four thread workers and check()'s are ended; with it, only those that
    // did not come back in time (check() always runs in a worker of its own, which is ended).
    expect(await endedBy(false)).toBe(5);
    expect(await endedBy(true)).toBeLessThan(5);
  });
});

describe('the worker pool', () => {
  it('refuses to lend more workers than threads can run, and lends none when it refuses', () => {
    const { pool } = nodePool;
    expect(() => pool.take(65)).toThrow(RangeError);
    expect(pool.lentCount).toBe(0);
  });

  it('a disposed pool ends every worker, idle and lent, and starts no more', async () => {
    const own = await nodeWorkerPool(3);
    const lent = own.pool.take(2);
    expect(lent).toHaveLength(2);
    own.pool.dispose();
    expect(own.started.every((w) => w.terminated)).toBe(true);
    expect(own.pool.idleCount).toBe(0);
    expect(own.pool.lentCount).toBe(0);
  });
});
