import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

test('every demo ends as its definition declares, with the bug and with the fix', async ({
  openApp,
}) => {
  test.setTimeout(300_000);
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const demos = await page.evaluate(() => window.interleave!.demos());
  expect(demos.length).toBe(25);
  const results: string[] = [];
  for (const demo of demos) {
    const variants: [string, Record<string, boolean>, string | undefined][] =
      demo.expect.default !== undefined
        ? [['default', {}, demo.expect.default]]
        : [
            ['bug', { fix: false }, demo.expect.bug],
            ['fix', { fix: true }, demo.expect.fix],
          ];
    for (const [variant, params, expected] of variants) {
      const outcome = await page.evaluate(
        async ({ id, params }) => {
          window.interleave!.load({ v: 1, demo: id, params });
          return (await window.interleave!.run()).outcome;
        },
        { id: demo.id, params },
      );
      results.push(
        `${demo.id} ${variant}: ${outcome}${outcome === expected ? '' : ` (expected ${expected})`}`,
      );
    }
  }
  expect(results.filter((r) => r.includes('expected'))).toEqual([]);
});

test('a Timer waits asleep, and fires on time even when its thread starts late', async ({
  openApp,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const report = await page.evaluate(() => {
    window.interleave!.load({ v: 1, demo: 'timer-cancel', params: { jobMs: 200 } });
    return window.interleave!.run();
  });
  // The 100 ms warning is due in the middle of the 200 ms job: it must print before the cancel,
  // however long its worker took to start (the delay counts from start(), as in Python).
  expect(report.output.map((l) => l.text)).toContain('export is taking longer than 100 ms…');
  expect(report.outcome).toBe('ok');
  await page.getByRole('tab', { name: 'Event table' }).click();
  const rows = page.getByRole('region', { name: 'Spans' }).getByRole('row');
  for (const timer of ['Timer-0', 'Timer-1']) {
    const sleeps = rows
      .filter({ has: page.getByRole('rowheader', { name: timer }) })
      .filter({ has: page.getByRole('cell', { name: 'sleeping', exact: true }) });
    await expect(sleeps).toHaveCount(1);
  }
});

test('a daemon thread’s lane is cut off where the run ends', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const report = await page.evaluate(() => {
    window.interleave!.load({ v: 1, demo: 'daemon-threads' });
    return window.interleave!.run();
  });
  expect(report.outcome).toBe('ok');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download trace (Perfetto)' }).click(),
  ]);
  const trace = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    traceEvents: { ph: string; ts: number; dur?: number; tid: number }[];
  };
  const spans = trace.traceEvents.filter((e) => e.ph === 'X');
  const endOf = (tid: number) =>
    Math.max(...spans.filter((e) => e.tid === tid).map((e) => e.ts + (e.dur ?? 0)));
  // Thread 2 is the saver, the last non-daemon thread: the run ends with it. Thread 1 (the
  // daemon heartbeat) is drawn up to there and no further.
  expect(endOf(2)).toBeGreaterThan(0);
  expect(endOf(1)).toBeLessThanOrEqual(endOf(2) + 1000);
});
