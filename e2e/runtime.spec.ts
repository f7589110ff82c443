import { test, expect } from './fixtures';
import { runProgram } from './run-helpers';

const racyCounter = (locked: boolean) => `
const counter = new SharedInt(0);
const lock = new Lock();
export const threads = 4;
export function thread(id) {
  for (let i = 0; i < 25; i++) {
    ${locked ? 'lock.acquire();' : ''}
    const seen = counter.value;
    sleep(0.2);
    counter.value = seen + 1;
    ${locked ? 'lock.release();' : ''}
  }
}
export function check() {
  return counter.value === 100 || \`expected 100, got \${counter.value}\`;
}
`;

test('an unlocked counter with a sleep between read and write loses updates', async ({
  openApp,
}) => {
  const page = await openApp();
  const report = await runProgram(page, racyCounter(false));
  expect(report.outcome).toBe('check-failed');
  expect(report.check?.passed).toBe(false);
  expect(report.shared.counter).toBeLessThan(100);
  expect(report.threads).toHaveLength(4);
});

test('the locked counter passes its check', async ({ openApp }) => {
  const page = await openApp();
  const report = await runProgram(page, racyCounter(true));
  expect(report.outcome).toBe('ok');
  expect(report.shared.counter).toBe(100);
  expect(report.stats.acquisitions).toBeGreaterThanOrEqual(100);
});

// Both hold their first before either asks for the other's (the barrier): with a sleep there
// instead, a thread that started late under load found the other already done, holding both.
test('two threads taking two locks in opposite orders deadlock, with the two-edge cycle', async ({
  openApp,
}) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
const lockA = new Lock();
const lockB = new Lock();
const bothHoldOne = new Barrier(2);
export const threads = 2;
export function thread(id) {
  const [first, second] = id === 0 ? [lockA, lockB] : [lockB, lockA];
  first.acquire();
  bothHoldOne.wait();
  second.acquire();
}
`,
  );
  expect(report.outcome).toBe('deadlock');
  const cycle = report.deadlock?.cycle ?? [];
  expect(cycle).toHaveLength(2);
  const byThread = Object.fromEntries(cycle.map((e) => [e.thread, e]));
  expect(byThread[0]).toEqual({ thread: 0, waitsFor: 'lockB', heldBy: 1 });
  expect(byThread[1]).toEqual({ thread: 1, waitsFor: 'lockA', heldBy: 0 });
});

test('an exception is reported at its line, and the thread is marked failed', async ({
  openApp,
}) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    [
      'export const threads = 2;',
      'export function thread(id) {',
      '  if (id === 0) return;',
      '  helper();',
      '}',
      'function helper() {',
      "  throw new Error('boom');",
      '}',
    ].join('\n'),
  );
  expect(report.outcome).toBe('error');
  const failed = report.threads.find((t) => t.status === 'error');
  expect(failed?.error?.message).toContain('boom');
  expect(failed?.error?.line).toBe(7);
  expect(report.threads.find((t) => t.id === 0)?.status).toBe('done');
});

test('a syntax error is reported at its line without starting threads', async ({ openApp }) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    'export const threads = 1;\nexport function thread() {\n  let = ;\n}\n',
  );
  expect(report.outcome).toBe('error');
  expect(report.threads[0]?.error?.line).toBe(3);
});

test('while (true) {} is ended by stop(), and the next run succeeds', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate(() => {
    const api = window.interleave!;
    api.load({
      v: 1,
      demo: 'scratch',
      code: 'export const threads = 4;\nexport function thread(id) { print("spinning", id); while (true) {} }',
    });
    (window as unknown as { running: Promise<unknown> }).running = api.run();
  });
  // Stop only once every thread is really spinning: each prints just before its loop.
  await page.getByRole('tab', { name: 'Output' }).click();
  const output = page.getByRole('log', { name: 'Program output' });
  for (const id of [0, 1, 2, 3]) await expect(output).toContainText(`spinning ${id}`);
  const report = await page.evaluate(async () => {
    window.interleave!.stop();
    return (await (window as unknown as { running: Promise<unknown> }).running) as {
      outcome: string;
      threads: { status: string }[];
    };
  });
  expect(report.outcome).toBe('stopped');
  expect(report.threads.map((t) => t.status)).toEqual(['running', 'running', 'running', 'running']);
  const next = await runProgram(
    page,
    'export const threads = 2;\nexport function thread(id) { print("ok", id); }',
  );
  expect(next.outcome).toBe('ok');
  expect(next.output.map((l) => l.text).sort()).toEqual(['ok 0', 'ok 1']);
});

test('a ThreadPool program sees futures complete out of submission order under asCompleted', async ({
  openApp,
}) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
export function fetchPage(i) { sleep((5 - i) * 30); return i * 10; }
export function main() {
  const pool = new ThreadPool(5);
  const futures = [0, 1, 2, 3, 4].map((i) => pool.submit(fetchPage, i));
  for (const f of asCompleted(futures)) print(f.result());
  pool.shutdown();
}
`,
  );
  expect(report.outcome).toBe('ok');
  const order = report.output.map((l) => Number(l.text));
  expect([...order].sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40]);
  expect(order).not.toEqual([0, 10, 20, 30, 40]);
});

test('print output and shared values arrive in the report', async ({ openApp }) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
const total = new SharedInt(0);
const squares = new SharedArray(3);
export const threads = 3;
export function thread(id) { total.add(id + 1); squares.set(id, id * id); print(\`thread \${id} says hi\`); }
`,
  );
  expect(report.outcome).toBe('ok');
  expect(report.shared).toEqual({ total: 6, squares: [0, 1, 4] });
  expect(report.output.map((l) => l.text).sort()).toEqual([
    'thread 0 says hi',
    'thread 1 says hi',
    'thread 2 says hi',
  ]);
  for (const line of report.output) expect(line.t).toBeGreaterThanOrEqual(0);
});

test('shared objects made in main() reach other threads as arguments, as in Python', async ({
  openApp,
}) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
const total = new SharedInt(0);
export function worker(jobs, lock, n) {
  for (;;) {
    const job = jobs.get();
    if (job === null) return;
    lock.with(() => { total.value = total.value + job * n; });
  }
}
export function main() {
  const jobs = new Queue(4, { name: 'jobs' });
  const lock = new Lock({ name: 'totalLock' });
  const threads = [1, 2].map((n) => new Thread(worker, jobs, lock, n));
  for (const t of threads) t.start();
  for (let i = 1; i <= 10; i++) jobs.put(i);
  jobs.put(null);
  jobs.put(null);
  for (const t of threads) t.join();
  print(lock instanceof Lock, jobs.qsize());
}
export function check() {
  return total.value >= 55 && total.value <= 110 || 'total ' + total.value;
}
`,
  );
  expect(report.outcome).toBe('ok');
  expect(report.output.map((l) => l.text)).toEqual(['true 0']);
  expect(report.stats.acquisitions).toBeGreaterThanOrEqual(10);
});
