import type { FrameLocator, Locator, Page } from '@playwright/test';
import type { State } from '../src/runtime/contract-types';
import { test, expect } from './fixtures';
import { dist, hashOf, stateOfHash } from './host-page';
import { startStatic } from './servers';

// The key of src/share/draft-store.ts: a drift fails the tests that use it.
const DRAFT_KEY = 'interleave:draft:v1';

type Where = Page | FrameLocator;

/** What each embed flag adds to what a reader sees. */
const visible = {
  knobs: (w: Where) => w.getByRole('group', { name: 'Knobs' }),
  explain: (w: Where) => w.getByRole('heading', { name: 'Why it happens' }),
  predict: (w: Where) => w.getByRole('checkbox', { name: 'Predict before running' }),
  outputTab: (w: Where) => w.getByRole('tab', { name: 'Output' }),
  timelineTab: (w: Where) => w.getByRole('tab', { name: 'Timeline' }),
};

async function openEmbedDialog(page: Page, state: State): Promise<Locator> {
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate((s) => window.interleave?.load(s), state);
  await page.getByRole('button', { name: 'Embed' }).click();
  return page.getByRole('dialog', { name: 'Embed this setup' });
}

/** The `src` of the snippet's iframe, unescaped. */
async function snippetSrc(dialog: Locator): Promise<string> {
  const snippet = await dialog.getByLabel('Paste this into your course page:').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1] ?? '';
  return src.replaceAll('&amp;', '&');
}

test('each embed flag changes what the preview shows, and the snippet carries it', async ({
  openApp,
}) => {
  const page = await openApp();
  const dialog = await openEmbedDialog(page, { v: 1, demo: 'race-counter' });
  const preview = dialog.frameLocator('iframe');
  const previewSrc = () => dialog.locator('iframe').getAttribute('src');

  // The defaults are minimal: no knobs, no explanation, no prediction; every view.
  await expect(visible.timelineTab(preview)).toBeVisible({ timeout: 30_000 });
  for (const hidden of [visible.knobs, visible.explain, visible.predict])
    await expect(hidden(preview)).toHaveCount(0);
  expect(await snippetSrc(dialog)).toBe(await previewSrc());

  const flags: [string, string, (w: Where) => Locator][] = [
    ['Knobs (readers can flip bug and fix)', 'knobs=1', visible.knobs],
    ['The explanation', 'explain=1', visible.explain],
    ['Prediction exercise (predict, then run)', 'predict=1', visible.predict],
  ];
  for (const [label, flag, shows] of flags) {
    await dialog.getByRole('checkbox', { name: label }).check();
    const src = await snippetSrc(dialog);
    expect(src).toContain(flag);
    expect(await previewSrc()).toBe(src);
    await expect(shows(preview)).toBeVisible({ timeout: 30_000 });
  }

  await dialog.getByRole('checkbox', { name: 'Output' }).uncheck();
  expect(await snippetSrc(dialog)).toContain('views=timeline%2Cgraph%2Cevents%2Clab');
  // The prediction exercise hides the views until the reader predicts: turn it off to see them.
  await dialog.getByRole('checkbox', { name: 'Prediction exercise (predict, then run)' }).uncheck();
  await expect(visible.timelineTab(preview)).toBeVisible({ timeout: 30_000 });
  await expect(visible.outputTab(preview)).toHaveCount(0);

  await dialog.getByRole('checkbox', { name: 'Step mode' }).check();
  expect(stateOfHash(new URL(await snippetSrc(dialog)).hash)).toMatchObject({ mode: 'step' });
  // Step mode travels in the state: the preview opens with it.
  const frame = await dialog
    .locator('iframe')
    .elementHandle()
    .then((e) => e?.contentFrame());
  await frame?.waitForFunction(() => window.interleave?.state().mode === 'step', null, {
    timeout: 30_000,
  });
});

test('the snippet reproduces the embed on a course page, which it sizes to its content', async ({
  openApp,
  page,
}) => {
  await openApp();
  const dialog = await openEmbedDialog(page, { v: 1, demo: 'race-counter' });
  for (const label of [
    'Knobs (readers can flip bug and fix)',
    'The explanation',
    'Fit the frame to its content (adds a script)',
  ])
    await dialog.getByRole('checkbox', { name: label }).check();
  await dialog.getByRole('checkbox', { name: 'Event table' }).uncheck();
  const snippet = await dialog.getByLabel('Paste this into your course page:').inputValue();
  expect(snippet).toContain('<script>');

  const host = await startStatic(
    dist,
    {},
    {
      '/course.html': `<!doctype html><html lang="en"><title>Course page</title><link rel="icon" href="data:,"><h1>Races</h1>${snippet}`,
    },
  );
  try {
    await page.goto(`${host.url}/course.html`);
    const frame = page.frameLocator('iframe');
    await expect(visible.knobs(frame)).toBeVisible({ timeout: 30_000 });
    await expect(visible.explain(frame)).toBeVisible();
    await expect(frame.getByRole('tab', { name: 'Event table' })).toHaveCount(0);
    await expect(visible.timelineTab(frame)).toBeVisible();
    // The frame asked for its content's height, and the snippet's script gave it.
    await expect
      .poll(() => page.locator('iframe').evaluate((f) => f.style.height))
      .toMatch(/^\d+px$/);
    const asked = await page.locator('iframe').evaluate((f) => parseInt(f.style.height, 10));
    const content = await page
      .frames()
      .find((f) => f !== page.mainFrame() && !f.url().includes('runner.html'))
      ?.evaluate(() =>
        Math.ceil(document.querySelector('.app')?.getBoundingClientRect().height ?? 0),
      );
    expect(Math.abs(asked - (content ?? 0))).toBeLessThanOrEqual(2);
    expect(asked).not.toBe(560);
  } finally {
    await host.close();
  }
});

test('a link pasted into the open tab loads like a first visit and keeps the draft', async ({
  openApp,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const mine: State = { v: 1, demo: 'scratch', code: '// my draft\nexport const threads = 1;\n' };
  await page.evaluate((s) => window.interleave?.load(s), mine);
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('my draft'), DRAFT_KEY);

  const linked: State = {
    v: 1,
    demo: 'scratch',
    code: 'export const threads = 2;\nexport function thread(id) { print("linked " + id); }\n',
  };
  await page.evaluate((hash) => (location.hash = hash), hashOf(linked));
  const notice = page.getByRole('status').filter({ hasText: 'came from the link' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => window.interleave?.state())).toEqual(linked);
  expect(await page.evaluate(() => window.interleave?.lastReport())).toBeNull();
  await expect(page.getByText('Not run yet')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(
    JSON.stringify(mine),
  );

  // A second link (a demo's own program, knobs out of range) follows the same rules.
  await page.evaluate(
    (hash) => (location.hash = hash),
    hashOf({ v: 1, demo: 'race-counter', params: { threads: 50 } }),
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'threads: 50 is outside' }),
  ).toBeVisible();
  expect(await page.evaluate(() => window.interleave?.state().params)).toEqual({ threads: 16 });

  await page.getByRole('button', { name: 'Restore my draft' }).click();
  expect(await page.evaluate(() => window.interleave?.state())).toEqual(mine);
});

/** Everything that could give the outcome away before the learner has predicted. */
async function expectNoHints(page: Page): Promise<void> {
  await expect(page.locator('.verdict')).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await expect(page.locator('.explain')).toHaveCount(0);
  await expect(page.locator('.views')).toHaveCount(0);
  await expect(page.locator('.verdict-expected')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
}

test('prediction mode hides every hint, then judges a wrong and a right prediction', async ({
  openApp,
}) => {
  // autorun=1 is asked for and must be ignored: the learner predicts first.
  const page = await openApp(`?predict=1&autorun=1${hashOf({ v: 1, demo: 'deadlock' })}`);
  await page.waitForFunction(() => window.interleave !== undefined);
  const form = page.getByRole('region', { name: 'Predict, then run' });
  await expect(form).toBeVisible();
  await expectNoHints(page);
  expect(await page.evaluate(() => window.interleave?.lastReport())).toBeNull();
  const run = form.getByRole('button', { name: 'Run and compare' });
  await expect(run).toBeDisabled();

  await form.getByRole('radio', { name: 'It finishes, and the result is right' }).check();
  await run.click();
  const result = page.getByRole('status').filter({ hasText: 'You predicted' });
  await expect(result).toBeVisible({ timeout: 45_000 });
  // The judgement must match what the run did (a deadlock, nearly always, for this demo).
  const first = await page.evaluate(() => window.interleave?.lastReport()?.outcome);
  if (first === 'deadlock') {
    await expect(result).toContainText('Not what happened');
    await expect(result).toContainText(
      'It happened: It deadlocks: threads wait for each other in a circle.',
    );
    await expect(result).toContainText('See it on the timeline');
  } else {
    await expect(result).toContainText(
      first === 'ok' ? 'Your prediction was right' : 'Not what happened',
    );
  }
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();

  // Again: the earlier run's verdict is hidden until the next prediction is judged.
  await result.getByRole('button', { name: 'Predict again' }).click();
  await expectNoHints(page);
  await form.getByRole('radio', { name: /^It deadlocks/ }).check();
  await form.getByRole('button', { name: 'Run and compare' }).click();
  await expect(result).toBeVisible({ timeout: 45_000 });
  const second = await page.evaluate(() => window.interleave?.lastReport()?.outcome);
  await expect(result).toContainText(
    second === 'deadlock' ? 'Your prediction was right' : 'Not what happened',
  );
  await expect(page.locator('.explain')).toBeVisible();
});

test('turning prediction on hides an earlier run; the rough number is judged from the run', async ({
  openApp,
}) => {
  const page = await openApp(hashOf({ v: 1, demo: 'race-counter' }));
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate(() => window.interleave?.run());
  await expect(page.locator('.verdict')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Predict before running' }).check();
  await expectNoHints(page);

  const form = page.getByRole('region', { name: 'Predict, then run' });
  await form.getByRole('radio', { name: 'It finishes, but the result is wrong' }).check();
  await expect(form.getByRole('button', { name: 'Run and compare' })).toBeDisabled();
  await form.getByRole('radio', { name: 'Most (more than half)' }).check();
  await form.getByRole('button', { name: 'Run and compare' }).click();

  const result = page.getByRole('status').filter({ hasText: 'You predicted' });
  await expect(result).toContainText('You guessed: Most (more than half)', { timeout: 45_000 });
  // Judge the run independently from its report: 4 threads × 20 increments by default.
  const report = await page.evaluate(() => window.interleave?.lastReport());
  const counter = report?.shared.counter as number;
  const lost = 80 - counter;
  await expect(result).toContainText(`It was ${lost} of 80 increments lost`);
  const outcomeRight = report?.outcome === 'check-failed';
  const numberRight = lost / 80 > 0.5;
  await expect(result).toContainText(
    outcomeRight && numberRight ? 'Your prediction was right' : 'Not what happened',
  );
});
