import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import type { SweepResult } from '../src/runtime/contract-types';
import type { Page } from '@playwright/test';

/** A fixed amount of work split over `params.threads` threads: sleeps (I/O) or busy work (CPU). */
const splitWork = (kind: 'io' | 'cpu') => `
export const threads = 1;
export function thread(id) {
  const share = 32 / params.threads;
  for (let i = 0; i < share; i++) ${kind === 'io' ? 'sleep(8)' : 'work(3)'};
}
`;

async function sweep(
  page: Page,
  code: string,
  params: Record<string, boolean>,
  threads: number[],
): Promise<SweepResult> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(
    ({ code, params, threads }) =>
      window.interleave!.sweep({ v: 1, demo: 'scratch', code, params }, { threads, repeats: 3 }),
    { code, params, threads },
  );
}

test('an I/O-bound sweep speeds up with threads up to 8; a CPU-bound one with the GIL stays flat', async ({
  openApp,
}) => {
  test.setTimeout(180_000);
  const page = await openApp();
  const io = await sweep(page, splitWork('io'), { gil: true }, [1, 2, 4, 8]);
  const speedups = io.series[0]!.points.map((p) => p.speedup);
  expect(speedups[0]).toBeCloseTo(1, 5);
  for (let i = 1; i < speedups.length; i++) expect(speedups[i]!).toBeGreaterThan(speedups[i - 1]!);
  const cpu = await sweep(page, splitWork('cpu'), { gil: true }, [1, 2, 4, 8]);
  const cpuBest = Math.max(...cpu.series[0]!.points.map((p) => p.speedup));
  // Compared with the I/O series of the same machine, not with a number of milliseconds.
  expect(cpuBest).toBeLessThan(speedups.at(-1)! / 2);
});

async function openLab(page: Page) {
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Demo', { exact: true }).selectOption('io-vs-cpu');
  await page.getByRole('tab', { name: 'Speedup lab' }).click();
  await page.getByLabel('Thread counts').fill('1, 2');
  await page.getByLabel('Repeats').fill('1');
}

test('the speedup chart draws one line per series with a point per thread count, and CSV has the columns', async ({
  openApp,
}) => {
  test.setTimeout(180_000);
  const page = await openApp();
  await openLab(page);
  await page.getByRole('button', { name: 'Start sweep' }).click();
  const chart = page.getByTestId('speedup-chart');
  await expect(chart.locator('path.recharts-line-curve[name="gil: off"]')).toHaveCount(1, {
    timeout: 120_000,
  });
  await expect(chart.locator('path.recharts-line-curve[name="gil: on"]')).toHaveCount(1);
  await expect(chart.locator('circle.recharts-line-dot[name="gil: off"]')).toHaveCount(2);
  await expect(chart.locator('circle.recharts-line-dot[name="gil: on"]')).toHaveCount(2);
  await expect(page.getByTestId('lab-reading')).not.toBeEmpty();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('series,threads,repeat,wallMs,medianMs,speedup');
  expect(rows).toHaveLength(4);
});

test('cancel stops a sweep and the page stays usable', async ({ openApp }) => {
  test.setTimeout(120_000);
  const page = await openApp();
  await openLab(page);
  await page.getByLabel('Thread counts').fill('1, 2, 4, 8, 16');
  await page.getByLabel('Repeats').fill('5');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByRole('progressbar', { name: 'Sweep progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Start sweep' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('speedup-chart')).toHaveCount(0);
  const report = await page.evaluate(() => {
    window.interleave!.load({
      v: 1,
      demo: 'scratch',
      code: 'export const threads = 2;\nexport function thread(id) { print(id); }',
    });
    return window.interleave!.run();
  });
  expect(report.outcome).toBe('ok');
});

test('the lab shows no chart of printed lines per second after a run that prints', async ({
  openApp,
}) => {
  test.setTimeout(120_000);
  const page = await openApp();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });
  await page.getByLabel('Demo', { exact: true }).selectOption('thread-pool-scraper');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finished' }).first()).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: 'Speedup lab' }).click();
  await expect(page.getByRole('button', { name: 'Start sweep' })).toBeVisible();
  await expect(page.getByText(/printed per second/)).toHaveCount(0);
  await expect(page.getByTestId('throughput-chart')).toHaveCount(0);
});
