import { test, expect } from './fixtures';
import { runProgram } from './run-helpers';

test('a Lock passed to a Timer arrives as a Lock', async ({ openApp }) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
const done = new Event();
export function fire(lock, label) {
  print(lock instanceof Lock, label);
  lock.with(() => print('held', lock.locked()));
  done.set();
}
export function main() {
  const lock = new Lock({ name: 'guard' });
  const timer = new Timer(5, fire, lock, 'ok');
  timer.start();
  done.wait();
  timer.join();
}
`,
  );
  expect(report.outcome).toBe('ok');
  expect(report.output.map((l) => l.text)).toEqual(['true ok', 'held true']);
});

test('Thread and pool names are numbered per run: the same every run, never repeated in one', async ({
  openApp,
}) => {
  const page = await openApp();
  // Three threads on three workers each name a Thread and a pool at once.
  const code = `
export const threads = 3;
export function noop() {}
export function thread() {
  const t = new Thread(noop);
  const pool = new ThreadPool(1);
  print(t.name);
  pool.submit(noop);
  pool.shutdown();
  t.start();
  t.join();
}
`;
  const names = async () => {
    const report = await runProgram(page, code);
    expect(report.outcome).toBe('ok');
    // A pool's worker threads have the pool's name as their role.
    const pools = report.threads.map((t) => t.role).filter((role) => role.startsWith('pool'));
    return [...report.output.map((l) => l.text), ...pools].sort();
  };
  const first = await names();
  expect(first).toEqual(['Thread-1', 'Thread-2', 'Thread-3', 'pool1', 'pool2', 'pool3']);
  expect(await names()).toEqual(first);
});

// Both hold their first before either asks for the other's (the barrier): with a sleep there
// instead, a thread that started late under load found the other already done, holding both.
test('two threads each holding the only permit the other waits for deadlock, while a third lives on', async ({
  openApp,
}) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
const semA = new Semaphore(1);
const semB = new Semaphore(1);
const bothHoldOne = new Barrier(2);
export const threads = 3;
export function thread(id) {
  if (id === 2) {
    for (;;) sleep(5);
  }
  const [first, second] = id === 0 ? [semA, semB] : [semB, semA];
  first.acquire();
  bothHoldOne.wait();
  second.acquire();
}
`,
  );
  expect(report.outcome).toBe('deadlock');
  const cycle = [...(report.deadlock?.cycle ?? [])].sort((a, b) => a.thread - b.thread);
  expect(cycle).toEqual([
    { thread: 0, waitsFor: 'semB', heldBy: 1 },
    { thread: 1, waitsFor: 'semA', heldBy: 0 },
  ]);
});
