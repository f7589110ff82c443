import { readFile } from 'node:fs/promises';
import type { State } from '../src/runtime/contract-types';
import { test, expect } from './fixtures';
import { dist, hashOf, openHost, stateOfHash } from './host-page';
import { startStatic } from './servers';

// The non-isolated path: `startStatic` serves the built app without any isolation header, as a
// host that cannot send them would, so the page and its frames get the recorded fallback.

test('the fallback’s "Open in a new tab" carries the exact state', async ({ page, app }) => {
  const plain = await startStatic(dist);
  const state: State = { v: 1, demo: 'race-counter', params: { fix: true, threads: 3 } };
  const host = await openHost(page, `${plain.url}/?embed=1&predict=1${hashOf(state)}`);
  try {
    const frame = page.frameLocator('iframe');
    const open = frame.getByRole('link', { name: 'Open in a new tab' });
    await expect(open).toBeVisible({ timeout: 30_000 });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    await tab.waitForLoadState();
    const url = new URL(tab.url());
    expect(`${url.origin}${url.pathname}`).toBe(`${plain.url}/`);
    expect(url.searchParams.get('embed')).toBeNull();
    expect(url.searchParams.get('predict')).toBe('1');
    expect(stateOfHash(url.hash)).toEqual(state);
    await tab.close();

    // Where the tab is isolated, it opens live with that state.
    const live = await page.context().newPage();
    await live.goto(`${app.url}/${url.search}${url.hash}`);
    await live.waitForFunction(() => window.interleave !== undefined);
    expect(await live.evaluate(() => window.interleave?.state())).toEqual(state);
    await live.close();
  } finally {
    await host.close();
    await plain.close();
  }
});

// Deadlocks every time: the barrier lets neither thread go on until both hold their first lock.
const ownProgram = `const lockA = new Lock();
const lockB = new Lock();
const bothHoldOne = new Barrier(2);
export const threads = 2;
export function thread(id) {
  const [first, second] = id === 0 ? [lockA, lockB] : [lockB, lockA];
  first.with(() => { bothHoldOne.wait(); second.with(() => print('never')); });
}
`;

test('a recording of any program, made in the Recording dialog, replays in the fallback', async ({
  openApp,
  page,
}) => {
  await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const state: State = { v: 1, demo: 'scratch', code: ownProgram };
  await page.evaluate((s) => window.interleave?.load(s), state);
  const report = await page.evaluate(() => window.interleave?.run());
  expect(report?.outcome).toBe('deadlock');

  await page.getByRole('button', { name: 'Recording' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a recording of the last run' });
  const link = await dialog.getByLabel(/^Link with the recording/).inputValue();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download the recording' }).click(),
  ]);
  const file = await readFile((await download.path()) ?? '', 'utf8');

  const plain = await startStatic(dist, {}, { '/course/deadlock.json': file });
  const linked = new URL(link);
  try {
    // In the link, embedded in a course page.
    const host = await openHost(page, `${plain.url}/?embed=1${linked.hash}`);
    try {
      const frame = page.frameLocator('iframe');
      await expect(frame.getByRole('heading', { name: 'A recorded run' })).toBeVisible({
        timeout: 30_000,
      });
      await expect(frame.getByText('brought by the link')).toBeVisible();
      await expect(frame.locator('.recorded-run .verdict')).toContainText('Deadlock');
      await expect(frame.locator('.recorded-run canvas')).toBeVisible();
      await expect(frame.getByLabel(/^Program of the/)).toContainText('second.with');
    } finally {
      await host.close();
    }

    // As a file the course hosts beside Interleave, named by ?recording=.
    await page.goto(`${plain.url}/?recording=/course/deadlock.json${hashOf(state)}`);
    await expect(page.getByRole('heading', { name: 'A recorded run' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.locator('.recorded-run .verdict')).toContainText('Deadlock');
  } finally {
    await plain.close();
  }
});

test('a prediction exercise in the fallback shows the recording only after the prediction', async ({
  page,
}) => {
  const plain = await startStatic(dist);
  const host = await openHost(
    page,
    `${plain.url}/?embed=1&predict=1${hashOf({ v: 1, demo: 'deadlock' })}`,
  );
  try {
    const frame = page.frameLocator('iframe');
    const form = frame.getByRole('region', { name: 'Predict, then run' });
    await expect(form).toBeVisible({ timeout: 30_000 });
    for (const hint of ['.recorded-run', '.verdict', '.explain'])
      await expect(frame.locator(hint)).toHaveCount(0);

    // The shipped recording decides what was right.
    const recorded = JSON.parse(await readFile(`${dist}/recorded/deadlock.json`, 'utf8')) as {
      report: { outcome: string };
    };
    await form.getByRole('radio', { name: 'It finishes, and the result is right' }).check();
    await form.getByRole('button', { name: 'Run and compare' }).click();
    const result = frame.getByRole('status').filter({ hasText: 'You predicted' });
    await expect(result).toContainText(
      recorded.report.outcome === 'ok' ? 'Your prediction was right' : 'Not what happened',
      { timeout: 30_000 },
    );
    await expect(frame.locator('.recorded-run canvas')).toBeVisible();
    await expect(frame.locator('.explain')).toBeVisible();
  } finally {
    await host.close();
    await plain.close();
  }
});
