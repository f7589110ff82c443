import { readFile } from 'node:fs/promises';
import type { FrameLocator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dist, stateOfHash } from './host-page';
import { startStatic } from './servers';

const example = new URL('../docs/examples/course-page.html', import.meta.url);

/** The frame's embed, scrolled into view (the example's frames load lazily), once it is up. */
async function embed(page: Page, id: string): Promise<FrameLocator> {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  const frame = page.frameLocator(`#${id}`);
  await expect(frame.locator('.app')).toBeVisible({ timeout: 30_000 });
  return frame;
}

test('the course-page example works from another origin', async ({ page, app }) => {
  // The example names Interleave's address once per embed and once in its script.
  const html = (await readFile(example, 'utf8')).replaceAll('https://interleave.example', app.url);
  const course = await startStatic(dist, {}, { '/week3.html': html });
  try {
    await page.goto(`${course.url}/week3.html`);

    // 1. The race, with its knobs: the page hears about every run, whoever starts it.
    const race = await embed(page, 'race');
    await race.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator('#race-last')).toContainText('Last run:', { timeout: 45_000 });
    await race.getByRole('checkbox', { name: 'Hold a lock around the increment' }).check();
    await race.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator('#race-last')).toHaveText('Last run: finished correctly.', {
      timeout: 45_000,
    });
    await page.getByRole('button', { name: 'Run it without and with the lock' }).click();
    await expect(page.locator('#race-both-result')).toContainText('with the lock: ok.', {
      timeout: 60_000,
    });
    // The frame took the height its content asked for.
    await expect.poll(() => page.locator('#race').evaluate((f) => f.style.height)).toMatch(/px$/);

    // 2. The deadlock, opened in step mode with two views.
    const deadlock = await embed(page, 'deadlock');
    const deadlockSrc = (await page.locator('#deadlock').getAttribute('src')) ?? '';
    expect(stateOfHash(new URL(deadlockSrc).hash)).toEqual({
      v: 1,
      demo: 'deadlock',
      mode: 'step',
    });
    await expect(deadlock.getByRole('tab')).toHaveText(['Timeline', 'Wait-for graph']);
    await deadlock.getByRole('button', { name: 'Run', exact: true }).click();
    // Nearly always a deadlock; the page describes whatever the run did.
    await expect(page.locator('#deadlock-last')).toHaveText(
      /^Last run: (deadlocked|finished correctly)\.$/,
      { timeout: 45_000 },
    );

    // 3. The prediction exercise: nothing shows before the prediction, then the comparison.
    const predict = await embed(page, 'predict');
    await expect(predict.locator('.verdict')).toHaveCount(0);
    await predict.getByRole('radio', { name: /^It deadlocks/ }).check();
    await predict.getByRole('button', { name: 'Run and compare' }).click();
    await expect(page.locator('#predict-last')).toContainText('Last run:', { timeout: 45_000 });
    const outcome = await page
      .frames()
      .find((f) => f.url().includes('predict=1'))
      ?.evaluate(() => window.interleave?.lastReport()?.outcome);
    await expect(predict.getByRole('status').filter({ hasText: 'You predicted' })).toContainText(
      outcome === 'deadlock' ? 'Your prediction was right' : 'Not what happened',
    );
    if (outcome === 'deadlock')
      await expect(page.locator('#predict-last')).toHaveText('Last run: deadlocked.');
  } finally {
    await course.close();
  }
});
