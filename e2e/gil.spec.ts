import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ChromeTraceEvent } from '../src/trace/chrome-trace';
import { test, expect } from './fixtures';
import { runProgram } from './run-helpers';

type Slice = { tid: number; startUs: number; endUs: number };

/** The trace the workbench's "Download trace (Perfetto)" button saves, parsed. */
async function downloadTrace(page: Page): Promise<ChromeTraceEvent[]> {
  // A demo with a lab opens on the lab; the export sits under the timeline, once it has a run.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('button', { name: 'Download trace (Perfetto)' })).toBeVisible({
    timeout: 30_000,
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download trace (Perfetto)' }).click(),
  ]);
  const json = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    traceEvents: ChromeTraceEvent[];
  };
  return json.traceEvents;
}

function slicesNamed(events: readonly ChromeTraceEvent[], name: string): Slice[] {
  return events
    .filter((e) => e.ph === 'X' && e.name === name)
    .map((e) => ({ tid: e.tid, startUs: e.ts ?? 0, endUs: (e.ts ?? 0) + (e.dur ?? 0) }));
}

/** Pairs of running slices of different threads that share some time. */
function overlaps(running: readonly Slice[]): [Slice, Slice][] {
  const sorted = [...running].sort((a, b) => a.startUs - b.startUs);
  const found: [Slice, Slice][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.startUs < a.endUs; j++) {
      if (sorted[j]!.tid !== a.tid) found.push([a, sorted[j]!]);
    }
  }
  return found;
}

test('io-vs-cpu, CPU kind with the GIL on: no two threads are ever drawn running at once', async ({
  openApp,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const report = await page.evaluate(() => {
    const api = window.interleave!;
    api.load({ v: 1, demo: 'io-vs-cpu', params: { kind: 'cpu', gil: true, threads: 4 } });
    return api.run();
  });
  expect(report.outcome).toBe('ok');
  expect(report.gil).toBe(true);
  // The timeline model catches up with the run on its own schedule: wait until the trace holds
  // all four threads' work (each did four 30 ms jobs while holding the GIL).
  let events: ChromeTraceEvent[] = [];
  await expect
    .poll(
      async () => {
        events = await downloadTrace(page);
        const running = slicesNamed(events, 'running');
        return new Set(running.map((s) => s.tid)).size;
      },
      { timeout: 30_000 },
    )
    .toBe(4);
  const running = slicesNamed(events, 'running');
  const gilWaits = slicesNamed(events, 'waiting for the GIL');
  // The GIL changed hands: the lanes took turns, and the waits show.
  expect(running.length).toBeGreaterThan(8);
  expect(gilWaits.length).toBeGreaterThan(4);
  expect(overlaps(running)).toEqual([]);
});

test('a thread shows as starting, not running, until its module is loaded', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const report = await page.evaluate(() => {
    const api = window.interleave!;
    api.load({
      v: 1,
      demo: 'scratch',
      // A top level that takes a while: each thread evaluates it while it is starting.
      code: 'work(40);\nexport const threads = 2;\nexport function thread() { sleep(10); }',
    });
    return api.run();
  });
  expect(report.outcome).toBe('ok');
  let events: ChromeTraceEvent[] = [];
  await expect
    .poll(
      async () => {
        events = await downloadTrace(page);
        return new Set(slicesNamed(events, 'sleeping').map((s) => s.tid)).size;
      },
      { timeout: 30_000 },
    )
    .toBe(2);
  for (const tid of [0, 1]) {
    const lane = events
      .filter((e) => e.ph === 'X' && e.tid === tid)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    expect(lane[0]?.name).toBe('starting');
    // The thread's own code is a single sleep; the 40 ms of work at the top level are start-up.
    const runningUs = slicesNamed(lane, 'running').reduce((sum, s) => sum + s.endUs - s.startUs, 0);
    const startingUs = slicesNamed(lane, 'starting').reduce(
      (sum, s) => sum + s.endUs - s.startUs,
      0,
    );
    expect(runningUs).toBeLessThan(startingUs);
  }
});

test("a learner's pure-JavaScript loop holds the GIL: with it on the two threads take turns, with it off they run at once", async ({
  openApp,
}) => {
  test.setTimeout(120_000);
  const page = await openApp();
  // No runtime call inside the loop: only the checks at its back-edge can hand the GIL over. The
  // barrier puts both threads at the loop's start together, so with the GIL off they must overlap.
  // (How much faster that is belongs to the bench: cpu-speedup-gil-off and -on.)
  const code = `
const total = new SharedInt(0);
const together = new Barrier(2);
export const threads = 2;
export function thread() {
  together.wait();
  let x = 0;
  for (let i = 0; i < 4e7; i++) x = (x + i) | 0;
  total.add(x & 1);
  sleep(1);
}
`;
  const traceOf = async (gil: boolean) => {
    expect((await runProgram(page, code, { gil })).outcome).toBe('ok');
    let events: ChromeTraceEvent[] = [];
    // The timeline model catches up on its own schedule: wait until both threads' closing sleep
    // is drawn, which is after their loops.
    await expect
      .poll(
        async () => {
          events = await downloadTrace(page);
          return new Set(slicesNamed(events, 'sleeping').map((s) => s.tid)).size;
        },
        { timeout: 30_000 },
      )
      .toBe(2);
    return events;
  };
  const on = await traceOf(true);
  const runningOn = slicesNamed(on, 'running');
  expect(overlaps(runningOn)).toEqual([]);
  // The GIL changed hands inside the loops: each thread ran more than once, and waited for it.
  for (const tid of [0, 1]) {
    expect(runningOn.filter((s) => s.tid === tid).length).toBeGreaterThan(2);
  }
  expect(slicesNamed(on, 'waiting for the GIL').length).toBeGreaterThan(2);

  const off = await traceOf(false);
  expect(slicesNamed(off, 'waiting for the GIL')).toEqual([]);
  expect(overlaps(slicesNamed(off, 'running')).length).toBeGreaterThan(0);
});

test('with the GIL on, a thread spinning in while (true) {} lets another thread run', async ({
  openApp,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const result = await page.evaluate(async () => {
    const api = window.interleave!;
    api.load({
      v: 1,
      demo: 'scratch',
      params: { gil: true },
      code: `
const spinning = new Event();
export function spin() {
  spinning.set();
  while (true) {}
}
export function main() {
  const t = new Thread(spin);
  t.daemon = true;
  t.start();
  spinning.wait();
  print('main ran while spin held the GIL');
}
`,
    });
    const run = api.run();
    // Without a hand-over main never gets the GIL back: end such a run instead of waiting out
    // the run's time limit (this bounds the test, it is not a synchronisation).
    const guard = setTimeout(() => api.stop(), 20_000);
    const report = await run;
    clearTimeout(guard);
    return { outcome: report.outcome, output: report.output.map((l) => l.text) };
  });
  expect(result).toEqual({ outcome: 'ok', output: ['main ran while spin held the GIL'] });
});

test('with the GIL on, an error is reported at the same line and column as with it off', async ({
  openApp,
}) => {
  const page = await openApp();
  // Checks go in before `null.boom` on its own line (the loop body, the arrow's body).
  const code = [
    'export const threads = 1;',
    'const twice = (f) => f() + f();',
    'export function thread() {',
    '  for (let i = 0; i < 3; i++) { twice(() => 1); if (i === 2) null.boom; }',
    '}',
  ].join('\n');
  const errorOf = async (gil: boolean) =>
    (await runProgram(page, code, { gil })).threads.find((t) => t.status === 'error')?.error;
  const off = await errorOf(false);
  expect(off?.line).toBe(4);
  // V8 points at `null.boom`, past where the checks go on that line.
  expect(off?.column).toBeGreaterThan('  for (let i = 0; i < 3; i++) { twice(() => 1); if'.length);
  expect(await errorOf(true)).toEqual(off);
});

test("a Timer's delay is drawn as sleeping, not running", async ({ openApp }) => {
  const page = await openApp();
  const report = await runProgram(
    page,
    `
export function fire() { print('fired'); }
export function main() {
  const timer = new Timer(50, fire);
  timer.start();
  timer.join();
}
`,
    { gil: true },
  );
  expect(report.outcome).toBe('ok');
  const timerThread = report.threads.find((t) => t.role === 'timer')!.id;
  let lane: Slice[] = [];
  let events: ChromeTraceEvent[] = [];
  await expect
    .poll(
      async () => {
        events = await downloadTrace(page);
        lane = slicesNamed(events, 'sleeping').filter((s) => s.tid === timerThread);
        return lane.length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  const sleptUs = lane[0]!.endUs - lane[0]!.startUs;
  // The delay counts from start(), in main, so the sleep ends 50 ms after main began running
  // (the timer thread's own start-up, drawn as starting, may eat into the sleep under load).
  const mainThread = report.threads.find((t) => t.role === 'main')!.id;
  const mainStartUs = Math.min(
    ...slicesNamed(events, 'running')
      .filter((s) => s.tid === mainThread)
      .map((s) => s.startUs),
  );
  expect(lane[0]!.endUs - mainStartUs).toBeGreaterThanOrEqual(45_000);
  expect(sleptUs).toBeGreaterThan(0);
  const runningUs = slicesNamed(events, 'running')
    .filter((s) => s.tid === timerThread)
    .reduce((sum, s) => sum + s.endUs - s.startUs, 0);
  expect(runningUs).toBeLessThan(sleptUs);
});

test('with the GIL on, two threads asking for input both get their answers', async ({
  openApp,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const done = page.evaluate(() => {
    window.interleave!.load({
      v: 1,
      demo: 'scratch',
      params: { gil: true },
      code: "export const threads = 2;\nexport function thread() { print('got', input('name?')); }",
    });
    return window.interleave!.run();
  });
  await page.getByRole('tab', { name: 'Output' }).click();
  for (const answer of ['Ada', 'Grace']) {
    const field = page.getByLabel(/Input for/);
    await expect(field).toBeEnabled({ timeout: 15_000 });
    await field.fill(answer);
    await page.getByRole('button', { name: 'Send' }).click();
  }
  const report = await done;
  expect(report.outcome).toBe('ok');
  expect(
    report.output
      .map((l) => l.text)
      .filter((t) => t.startsWith('got'))
      .sort(),
  ).toEqual(['got Ada', 'got Grace']);
});
