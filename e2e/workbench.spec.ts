import { seriousViolations } from './accessibility';
import { test, expect } from './fixtures';
import { runProgram } from './run-helpers';
import type { Page } from '@playwright/test';

async function openReady(page: Page, app: { url: string }, query = '') {
  await page.goto(`${app.url}/${query}`);
  // Monaco loads lazily; on a busy machine that takes a while (a wait on state, not on speed).
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });
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

  test(`axe passes with a commented demo in the editor, before and after a run (${theme})`, async ({
    page,
    app,
  }) => {
    await openReady(page, app, `?theme=${theme}`);
    // A demo with comments, and a final newline whose line number Monaco dims.
    await page.getByLabel('Demo', { exact: true }).selectOption('too-many-threads');
    const editor = page.getByTestId('code-editor');
    await expect(editor.locator('.mtk1, [class*="mtk"]').first()).toBeVisible();
    await expect(editor).toContainText('A task waits for the network');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /Finished|Check failed/ })
        .first(),
    ).toBeVisible({
      timeout: 30_000,
    });
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

test('switching demo clears the previous demo’s verdict and lanes', async ({ page, app }) => {
  await openReady(page, app);
  await page.getByLabel('Demo', { exact: true }).selectOption('race-counter');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check failed' }).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('img', { name: /Thread timeline/ })).toBeVisible();
  await page.getByLabel('Demo', { exact: true }).selectOption('deadlock');
  await expect(page.getByRole('status').filter({ hasText: 'Check failed' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Thread timeline/ })).toHaveCount(0);
  await expect(page.getByText('Run the program to see each thread’s timeline.')).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: 'Program of the Deadlock: two locks, two orders demo' }),
  ).toBeAttached();
  expect(await page.evaluate(() => window.interleave?.lastReport())).toBeNull();
});

test('hovering the timeline after the first run shows the tooltip, and a click selects', async ({
  page,
  app,
}) => {
  await openReady(page, app);
  // The first run of the page: the canvas appears only now, after the view mounted without lanes.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Check failed|Finished/ })
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  const canvas = page.getByRole('img', { name: /Thread timeline/ });
  const box = (await canvas.boundingBox())!;
  // The first lane's state bar: below the 22 px axis, in the middle of the plot.
  const point = { x: box.x + box.width * 0.6, y: box.y + 22 + 10 };
  await page.mouse.move(point.x, point.y);
  await expect(page.locator('.timeline-tooltip')).toBeVisible();
  await page.mouse.click(point.x, point.y);
  const selection = page.getByRole('complementary', { name: 'Selected span' });
  await expect(selection.getByRole('listitem').first()).toBeVisible();
});

test('a thread’s write to a top-level let is marked: each thread has its own copy', async ({
  page,
  app,
}) => {
  await openReady(page, app);
  const code = [
    'let counter = 0;',
    'export const threads = 4;',
    'export function thread(id) {',
    '  for (let i = 0; i < 1000; i++) counter = counter + 1;',
    '}',
  ].join('\n');
  await page.evaluate((code) => window.interleave?.load({ v: 1, demo: 'scratch', code }), code);
  const editor = page.getByTestId('code-editor');
  const squiggle = editor.locator('.squiggly-warning').first();
  // Monaco reuses its line elements: find the line by its text, not by its place in the DOM; and
  // the marker of the program loaded before may still be drawn a moment, so wait for this one.
  const line = editor.locator('.view-line', { hasText: 'counter = counter + 1' });
  await expect
    .poll(async () => {
      const [lineBox, markBox] = [await line.boundingBox(), await squiggle.boundingBox()];
      return lineBox && markBox ? Math.abs(markBox.y - lineBox.y) : Infinity;
    })
    .toBeLessThan(20);
  const box = await squiggle.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect(
    page.getByText(/each thread has its own copy; use SharedInt to share/),
  ).toBeVisible();
});

test('pasted Python is recognised as Python, pointing at the "In Python" panel', async ({
  page,
  app,
}) => {
  await openReady(page, app);
  const report = await runProgram(
    page,
    'import threading\n\ndef worker():\n    print("hi")\n\nthreading.Thread(target=worker).start()\n',
  );
  expect(report.outcome).toBe('error');
  const verdict = page.getByRole('status').filter({ hasText: 'This looks like Python' }).first();
  await expect(verdict).toContainText('"In Python" panel');
  await expect(verdict).not.toContainText('Unexpected token');
});
