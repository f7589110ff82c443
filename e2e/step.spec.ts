import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ParamValue, RunReport } from '../src/runtime/contract-types';
import type { StepState } from '../src/runtime/step/types';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

/** Opens `code` (or a demo's own program) as a paused step run; resolves with its StepState. */
async function openSteps(
  page: Page,
  code: string | undefined,
  options: { demo?: string; params?: Record<string, ParamValue>; schedule?: number[] } = {},
): Promise<StepState> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(
    async ({ code, options }) => {
      const api = window.interleave;
      if (!api) throw new Error('window.interleave is missing');
      await api.load({
        v: 1,
        demo: options.demo ?? 'scratch',
        ...(code === undefined ? {} : { code }),
        params: options.params ?? {},
        mode: 'step',
        ...(options.schedule ? { schedule: options.schedule } : {}),
      });
      const state = api.stepState();
      if (!state) throw new Error('no step run is open');
      return state;
    },
    { code, options },
  );
}

const step = (page: Page, thread?: number) =>
  page.evaluate(async (t) => window.interleave!.step(t), thread);
const run = (page: Page): Promise<RunReport> => page.evaluate(() => window.interleave!.run());

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

test('a forced lost update, stepped by reading each thread’s pending op', async ({ openApp }) => {
  const page = await openApp();
  let state = await openSteps(page, lostUpdate);
  expect(state.steps).toBe(0);
  expect(state.threads.map((t) => t.pending?.op)).toEqual(['start', 'start']);
  // Bring each thread to its read of the counter.
  for (const id of [0, 1]) {
    while (state.threads[id]?.pending?.op !== 'read') state = await step(page, id);
    expect(state.threads[id]?.pending).toMatchObject({ op: 'read', object: 'counter', line: 5 });
  }
  // Both read 0, then both write 1.
  await step(page, 0);
  state = await step(page, 1);
  expect(state.threads[0]?.pending).toMatchObject({ op: 'write', object: 'counter' });
  expect(state.threads[1]?.pending).toMatchObject({ op: 'write', object: 'counter' });
  const report = await run(page);
  expect(report.mode).toBe('step');
  expect(report.outcome).toBe('check-failed');
  expect(report.shared.counter).toBe(1);
  expect(report.schedule?.slice(0, state.steps)).toEqual(state.schedule);
});

const crossedLocks = `
const a = new Lock();
const b = new Lock();
export const roles = { ab: 1, ba: 1 };
export function ab() {
  a.acquire();
  b.acquire();
  b.release();
  a.release();
}
export function ba() {
  b.acquire();
  a.acquire();
  a.release();
  b.release();
}
`;

test('a forced deadlock: A then B against B then A', async ({ openApp }) => {
  const page = await openApp();
  let state = await openSteps(page, crossedLocks);
  const pendingOf = (id: number) => state.threads[id]?.pending;
  // ab takes a; ba takes b; each then wants the other's lock.
  while (!(pendingOf(0)?.op === 'acquire' && pendingOf(0)?.object === 'b'))
    state = await step(page, 0);
  while (!(pendingOf(1)?.op === 'acquire' && pendingOf(1)?.object === 'a'))
    state = await step(page, 1);
  expect(state.report?.outcome).toBe('deadlock');
  expect(state.threads[0]).toMatchObject({
    enabled: false,
    blockedReason: 'waits for b, held by ba-0',
  });
  expect(state.threads[1]).toMatchObject({
    enabled: false,
    blockedReason: 'waits for a, held by ab-0',
  });
  expect(state.report?.deadlock?.cycle).toHaveLength(2);
  expect(state.report?.threads.map((t) => t.status)).toEqual(['blocked', 'blocked']);
  // Once ended, stepState keeps answering, run() resolves with the report, step() is refused.
  expect(await run(page)).toEqual(state.report);
  await expect(step(page, 0)).rejects.toThrow(/ended/);
});

test('bad step calls are refused with a message and change nothing', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  await expect(step(page, 0)).rejects.toThrow(/No step run is open/);
  await openSteps(
    page,
    `
const a = new Lock();
export const threads = 2;
export function thread(id) {
  a.acquire();
  a.release();
}
`,
  );
  await step(page, 0); // T0 starts: its next op is acquire a
  await step(page, 0); // T0 holds a
  const before = await step(page, 1); // T1 starts: it wants a
  expect(before.threads[1]).toMatchObject({
    status: 'blocked',
    enabled: false,
    pending: { op: 'acquire', object: 'a', line: 5 },
    blockedReason: 'waits for a, held by T0',
  });
  await expect(step(page, 1)).rejects.toThrow(/T1\) cannot move now: it waits for a, held by T0/);
  await expect(step(page, 7)).rejects.toThrow(/no thread 7/);
  await expect(step(page, 0.5)).rejects.toThrow(/whole number/);
  expect(await page.evaluate(() => window.interleave!.stepState())).toEqual(before);
  const report = await run(page);
  expect(report.outcome).toBe('ok');
});

const spmdProgram = `
const counter = new SharedInt(0);
const lock = new Lock();
export const threads = 3;
export function thread(id) {
  for (let i = 0; i < 3; i++) {
    const seen = counter.value;
    if (random() < 0.5) sleep(5);
    counter.value = seen + 1;
    lock.with(() => print(id, i, counter.value));
  }
}
`;
const roleProgram = `
const q = new Queue(2);
const done = new Event();
export const roles = { producer: 2, consumer: 1 };
export function producer(k) {
  for (let i = 0; i < 3; i++) q.put(k * 10 + i);
}
export function consumer() {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += q.get();
  print('sum', sum);
  done.set();
}
`;
const pythonProgram = `
const total = new SharedInt(0);
export function task(n) {
  sleep(n);
  total.add(n);
  return n * 2;
}
export function main() {
  const pool = new ThreadPool(3);
  const futures = [5, 1, 3, 2].map((n) => pool.submit(task, n));
  for (const f of asCompleted(futures)) print(f.result());
  pool.shutdown();
  print('total', total.value);
}
`;

for (const [form, code] of [
  ['an SPMD program', spmdProgram],
  ['a role program', roleProgram],
  ['a Python-form program with a ThreadPool', pythonProgram],
] as const) {
  test(`the same schedule three times gives identical reports: ${form}`, async ({ openApp }) => {
    const page = await openApp();
    await openSteps(page, code, { params: { seed: 7 } });
    const first = await run(page);
    expect(first.mode).toBe('step');
    expect(first.outcome).toBe('ok');
    const schedule = first.schedule ?? [];
    expect(schedule.length).toBeGreaterThan(5);
    for (let k = 0; k < 2; k++) {
      await openSteps(page, code, { params: { seed: 7 }, schedule });
      const again = await run(page);
      expect(again).toEqual(first);
    }
  });
}

test('back() restores the previous StepState', async ({ openApp }) => {
  const page = await openApp();
  let state = await openSteps(page, spmdProgram);
  for (let k = 0; k < 6; k++) state = await step(page);
  const previous = state;
  const next = await step(page);
  expect(next.steps).toBe(previous.steps + 1);
  const back = await page.evaluate(() => window.interleave!.back());
  expect(back).toEqual(previous);
  expect(await page.evaluate(() => window.interleave!.stepState())).toEqual(previous);
});

test('sleep(60_000) in step mode passes on the virtual clock', async ({ openApp }) => {
  test.setTimeout(20_000);
  const page = await openApp();
  await openSteps(
    page,
    `
export const threads = 2;
export function thread(id) {
  sleep(60_000);
  print('woke', id);
}
`,
  );
  const report = await run(page);
  expect(report.outcome).toBe('ok');
  expect(report.wallMs).toBe(60_000);
  expect(report.output.map((o) => o.t)).toEqual([60_000, 60_000]);
});

test('every demo, bug and fix, runs to its end in step mode with the seeded scheduler', async ({
  openApp,
}) => {
  test.setTimeout(400_000);
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const demos = await page.evaluate(() => window.interleave!.demos());
  for (const demo of demos) {
    const variants = 'fix' in demo.params ? [false, true] : [demo.params.fix ?? false];
    for (const fix of variants) {
      await openSteps(page, undefined, { demo: demo.id, params: { fix } });
      const report = await run(page);
      expect(report.mode, `${demo.id} fix=${String(fix)}`).toBe('step');
      expect(
        ['ok', 'check-failed', 'deadlock', 'stuck', 'error'],
        `${demo.id} fix=${String(fix)}: ${report.outcome}`,
      ).toContain(report.outcome);
      if (fix) expect(report.outcome, `${demo.id} fix=true`).toBe('ok');
    }
  }
});
