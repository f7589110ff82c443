import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ChromeTraceEvent } from '../src/trace/chrome-trace';
import { test, expect } from './fixtures';

type Slice = { tid: number; startUs: number; endUs: number };

/** The trace the workbench's "Download trace (Perfetto)" button saves, parsed. */
async function downloadTrace(page: Page): Promise<ChromeTraceEvent[]> {
  // A demo with a lab opens on the lab; the export sits under the timeline.
  await page.getByRole('tab', { name: 'Timeline' }).click();
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
    .poll(async () => {
      events = await downloadTrace(page);
      const running = slicesNamed(events, 'running');
      return new Set(running.map((s) => s.tid)).size;
    })
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
      code: 'export const threads = 2;\nexport function thread() { sleep(10); }',
    });
    return api.run();
  });
  expect(report.outcome).toBe('ok');
  let events: ChromeTraceEvent[] = [];
  await expect
    .poll(async () => {
      events = await downloadTrace(page);
      return new Set(slicesNamed(events, 'sleeping').map((s) => s.tid)).size;
    })
    .toBe(2);
  for (const tid of [0, 1]) {
    const lane = events
      .filter((e) => e.ph === 'X' && e.tid === tid)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    expect(lane[0]?.name).toBe('starting');
    // The thread's own code is a single sleep: what runs before it is microseconds, not start-up.
    const runningUs = slicesNamed(lane, 'running').reduce((sum, s) => sum + s.endUs - s.startUs, 0);
    const startingUs = slicesNamed(lane, 'starting').reduce(
      (sum, s) => sum + s.endUs - s.startUs,
      0,
    );
    expect(runningUs).toBeLessThan(startingUs);
  }
});
