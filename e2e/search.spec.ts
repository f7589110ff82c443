import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type {
  ParamValue,
  RunReport,
  SearchOptions,
  SearchResult,
  State,
} from '../src/runtime/contract-types';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

type Program = { demo?: string; code?: string; params?: Record<string, ParamValue> };

const stateOf = (p: Program): State => ({
  v: 1,
  demo: p.demo ?? 'scratch',
  ...(p.code === undefined ? {} : { code: p.code }),
  ...(p.params ? { params: p.params } : {}),
});

async function search(
  page: Page,
  program: Program,
  options: SearchOptions = {},
): Promise<SearchResult> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(([state, options]) => window.interleave!.search(state, options), [
    stateOf(program),
    options,
  ] as const);
}

/** Replays a schedule in step mode, as a learner's link would, and returns its report. */
function replay(page: Page, program: Program, schedule: number[]): Promise<RunReport> {
  return page.evaluate(
    async ([state, schedule]) => {
      const api = window.interleave!;
      await api.load({ ...state, mode: 'step', schedule });
      return api.run();
    },
    [stateOf(program), schedule] as const,
  );
}

/** The search found `outcome`, and its shrunk schedule replays to exactly its report's ending. */
async function expectFoundAndReplayed(
  page: Page,
  program: Program,
  result: SearchResult,
  outcome: string,
) {
  expect(result.found).toBe(true);
  expect(result.report?.outcome).toBe(outcome);
  const schedule = result.schedule ?? [];
  expect(result.report?.schedule).toEqual(schedule);
  const again = await replay(page, program, schedule);
  expect(again.outcome).toBe(outcome);
  expect(again.schedule).toEqual(schedule);
  expect(again.shared).toEqual(result.report?.shared);
  expect(again.deadlock).toEqual(result.report?.deadlock);
}

const lostUpdate = `
const counter = new SharedInt(0);
export const threads = 2;
export function thread(id) {
  counter.value = counter.value + 1;
}
export function check() {
  return counter.value === 2 || \`expected 2, got \${counter.value}\`;
}
`;

const threeLockCycle = `
const lockA = new Lock();
const lockB = new Lock();
const lockC = new Lock();
const locks = [lockA, lockB, lockC];
export const threads = 3;
export function thread(id) {
  const first = locks[id];
  const second = locks[(id + 1) % 3];
  first.acquire();
  second.acquire();
  second.release();
  first.release();
}
`;

/** A consumer that checks its condition with if: woken, it may find the item already taken. */
const conditionWithIf = (loop: 'if' | 'while') => `
const ready = new Condition();
const items = new SharedInt(0);
export const roles = { producer: 1, consumer: 2 };
export function producer() {
  for (let i = 0; i < 2; i++) {
    ready.acquire();
    items.value = items.value + 1;
    ready.notify();
    ready.release();
  }
}
export function consumer() {
  ready.acquire();
  ${loop} (items.value === 0) ready.wait();
  if (items.value === 0) throw new Error('woke up to an empty buffer');
  items.value = items.value - 1;
  ready.release();
}
`;

test('finds the lost update of two plain increments with no sleep', async ({ openApp }) => {
  const page = await openApp();
  const program = { code: lostUpdate };
  const result = await search(page, program, { maxMs: 60_000 });
  await expectFoundAndReplayed(page, program, result, 'check-failed');
  // The story a learner reads: one thread reads, the other reads and writes, the first writes.
  expect(result.report?.shared.counter).toBe(1);
});

test('finds a cycle of three locks, with all three in it', async ({ openApp }) => {
  const page = await openApp();
  const program = { code: threeLockCycle };
  const result = await search(page, program, { maxMs: 60_000 });
  await expectFoundAndReplayed(page, program, result, 'deadlock');
  expect(result.report?.deadlock?.cycle.map((e) => e.waitsFor).sort()).toEqual([
    'lockA',
    'lockB',
    'lockC',
  ]);
});

test('finds a Condition checked with if, and nothing once it is checked with while', async ({
  openApp,
}) => {
  const page = await openApp();
  const buggy = { code: conditionWithIf('if') };
  const result = await search(page, buggy, { maxMs: 60_000 });
  await expectFoundAndReplayed(page, buggy, result, 'error');
  expect(result.report?.threads.some((t) => t.error?.message.includes('empty buffer'))).toBe(true);
  const fixed = await search(
    page,
    { code: conditionWithIf('while') },
    { strategy: 'exhaustive', preemptions: 1, maxRuns: 5000, maxMs: 100_000 },
  );
  expect(fixed).toMatchObject({ found: false, complete: true });
});

// Demos whose bug is an interleaving, with the outcome their bug variant ends in. Starvation is left
// out: its lesson is an unfair lock under real timing, and a scheduler that picks adversarially can
// starve a thread of the fixed version too.
const interleavingBugs: Record<string, string> = {
  'barrier-phases': 'check-failed',
  'check-then-act': 'check-failed',
  deadlock: 'deadlock',
  'dining-philosophers': 'deadlock',
  'event-signal': 'stuck',
  'forgot-join': 'check-failed',
  'lock-ordering': 'deadlock',
  'lock-timeout': 'deadlock',
  'producer-consumer-condition': 'error',
  'queue-pipeline': 'stuck',
  'race-counter': 'check-failed',
  'rlock-reentry': 'deadlock',
  'semaphore-pool': 'check-failed',
};

test('the list of demos with an interleaving bug is the catalogue’s', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const demos = await page.evaluate(() => window.interleave!.demos());
  const withBugs = demos.filter((d) => d.expect.bug && d.id !== 'starvation');
  expect(Object.fromEntries(withBugs.map((d) => [d.id, d.expect.bug]))).toEqual(interleavingBugs);
});

for (const [demo, outcome] of Object.entries(interleavingBugs)) {
  test(`${demo}: the search finds the bug variant's ${outcome} and nothing in the fix`, async ({
    openApp,
  }) => {
    test.setTimeout(180_000);
    const page = await openApp();
    const bug = { demo, params: { fix: false } };
    const found = await search(page, bug, { maxRuns: 300, maxMs: 60_000 });
    await expectFoundAndReplayed(page, bug, found, outcome);
    const fixed = await search(
      page,
      { demo, params: { fix: true } },
      { maxRuns: 40, maxMs: 60_000 },
    );
    expect(fixed.found).toBe(false);
    expect(fixed.report).toBeUndefined();
  });
}

test('reports progress while it searches, and stop() ends the search with no report', async ({
  openApp,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const outcome = await page.evaluate(async () => {
    const api = window.interleave!;
    const running = api.search(
      { v: 1, demo: 'deadlock', params: { fix: true } },
      { maxRuns: 100_000, maxMs: 120_000 },
    );
    // Wait on the search's own progress, not on the clock.
    while ((api.searchProgress()?.runs ?? 0) < 2)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const progress = api.searchProgress();
    api.stop();
    const result = await running;
    return { progress, result, after: api.searchProgress() };
  });
  expect(outcome.progress?.runs).toBeGreaterThanOrEqual(2);
  expect(outcome.result.found).toBe(false);
  expect(outcome.result.report).toBeUndefined();
  expect(outcome.result.runs).toBeGreaterThanOrEqual(outcome.progress?.runs ?? 0);
  expect(outcome.after).toBeNull();
});

test('rejects bad options with a sentence, and changes nothing', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const message = await page.evaluate(() =>
    window.interleave!.search({ v: 1, demo: 'scratch' }, { depth: 9 }).then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
  );
  expect(message).toMatch(/depth must be a whole number from 1 to 3/);
  expect(await page.evaluate(() => window.interleave!.searchProgress())).toBeNull();
});
