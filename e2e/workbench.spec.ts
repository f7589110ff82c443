import { seriousViolations } from './accessibility';
import { test, expect } from './fixtures';
import { runProgram } from './run-helpers';
import type { Page } from '@playwright/test';

async function openReady(page: Page, app: { url: string }, query = '') {
  await page.goto(`${app.url}/${query}`);
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true');
}

test('pick a demo, run the bug, toggle the fix, run again: the verdict changes', async ({
  page,
  app,
}) => {
  await openReady(page, app);
  await page.getByLabel('Demo', { exact: true }).selectOption('race-counter');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const verdict = page
    .getByRole('status')
    .filter({ hasText: /Check failed|Finished/ })
    .first();
  await expect(verdict).toContainText('Check failed', { timeout: 30_000 });
  await expect(verdict).toContainText('updates lost');
  await page.getByRole('checkbox', { name: /lock/i }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finished' }).first()).toBeVisible({
    timeout: 30_000,
  });
});

test('the timeline canvas draws a lane for each thread', async ({ page, app }) => {
  await openReady(page, app);
  const report = await runProgram(
    page,
    'export const threads = 3;\nexport function thread(id) { work(30); sleep(30); }',
  );
  expect(report.outcome).toBe('ok');
  const canvas = page.getByRole('img', { name: /Thread timeline/ });
  await expect(canvas).toBeVisible();
  // Each lane is a horizontal band of painted pixels: count rows whose middle third is not background.
  const paintedRows = await canvas.evaluate((el: HTMLCanvasElement) => {
    const ctx = el.getContext('2d');
    if (!ctx) return [];
    const { width, height } = el;
    const data = ctx.getImageData(0, 0, width, height).data;
    const bg = [data[0], data[1], data[2]];
    const rows: number[] = [];
    for (let y = 0; y < height; y++) {
      let painted = 0;
      for (let x = Math.floor(width / 3); x < Math.floor((2 * width) / 3); x++) {
        const i = (y * width + x) * 4;
        if (
          Math.abs(data[i]! - bg[0]!) +
            Math.abs(data[i + 1]! - bg[1]!) +
            Math.abs(data[i + 2]! - bg[2]!) >
          60
        )
          painted++;
      }
      rows.push(painted > width / 12 ? 1 : 0);
    }
    return rows;
  });
  let bands = 0;
  for (let y = 1; y < paintedRows.length; y++)
    if (paintedRows[y] === 1 && paintedRows[y - 1] === 0) bands++;
  expect(bands).toBeGreaterThanOrEqual(3);
});

test('a deadlock shows the wait-for graph with a sentence naming the two locks', async ({
  page,
  app,
}) => {
  await openReady(page, app);
  await page.getByLabel('Demo', { exact: true }).selectOption('deadlock');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deadlock' }).first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('tab', { name: 'Wait-for graph' }).click();
  const sentence = page.locator('.wait-graph-sentence');
  await expect(sentence).toContainText('lockA');
  await expect(sentence).toContainText('lockB');
  await expect(
    page
      .getByRole('img')
      .filter({ has: page.locator('svg') })
      .or(page.locator('svg[role=img]')),
  ).toBeVisible();
});

test('a runtime error marks the editor at its line', async ({ page, app }) => {
  await openReady(page, app);
  const code = [
    'export const threads = 1;',
    'export function thread() {',
    '  const x = null;',
    '  print("before");',
    '  x.boom();',
    '}',
  ].join('\n');
  const report = await runProgram(page, code);
  expect(report.threads[0]?.error?.line).toBe(5);
  // Monaco draws an error squiggle on the marked line (line 5 → the 5th view line).
  const squiggle = page.getByTestId('code-editor').locator('.squiggly-error').first();
  await expect(squiggle).toBeVisible();
  const lineTop = await page.getByTestId('code-editor').locator('.view-line').nth(4).boundingBox();
  const squiggleBox = await squiggle.boundingBox();
  expect(Math.abs((squiggleBox?.y ?? 0) - (lineTop?.y ?? -100))).toBeLessThan(20);
});

test('keyboard only: reach Run, run, and stop', async ({ page, app }) => {
  await openReady(page, app);
  await page.evaluate(() =>
    window.interleave?.load({
      v: 1,
      demo: 'scratch',
      code: 'export const threads = 2;\nexport function thread() { while (true) { sleep(1); } }',
    }),
  );
  const run = page.getByRole('button', { name: 'Run', exact: true });
  for (let i = 0; i < 40 && !(await run.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Running' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'Stopped' }).first()).toBeVisible({
    timeout: 15_000,
  });
});

test('a thread blocked in Atomics.wait on input() wakes on a notify from the page', async ({
  page,
  app,
}) => {
  await openReady(page, app);
  const done = page.evaluate(() => {
    window.interleave?.load({
      v: 1,
      demo: 'scratch',
      code: "export const threads = 1;\nexport function thread() { print('got', input('name?')); }",
    });
    return window.interleave?.run();
  });
  await page.getByRole('tab', { name: 'Output' }).click();
  const field = page.getByLabel(/Input for/);
  await expect(field).toBeEnabled({ timeout: 15_000 });
  await field.fill('Ada');
  await page.getByRole('button', { name: 'Send' }).click();
  const report = await done;
  expect(report?.outcome).toBe('ok');
  expect(report?.output.map((l) => l.text)).toContain('got Ada');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the ${theme} theme`, async ({
    page,
    app,
  }) => {
    await openReady(page, app, `?theme=${theme}`);
    await runProgram(
      page,
      'export const threads = 2;\nexport function thread(id) { print(id); sleep(5); }',
    );
    // openReady waited for Monaco: the editor's own colours are scanned too.
    await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the 390 px layout has no horizontal scroll', async ({ browser, app }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await openReady(page, app);
  await runProgram(page, 'export const threads = 2;\nexport function thread(id) { print(id); }');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
