import type { Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { test, expect } from './fixtures';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

/** Opens `code` as a paused step run through the API (the mode switch is another control's job). */
async function openSteps(page: Page, code: string, demo = 'scratch'): Promise<void> {
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate(
    async ({ code, demo }) => {
      await window.interleave!.load({ v: 1, demo, code, mode: 'step' });
    },
    { code, demo },
  );
}

/** Clicks a lane's header (named for what the step does) and waits for the step to land. */
async function stepLane(page: Page, name: string | RegExp, then: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('button', { name: then })).toBeVisible();
}

const lostUpdate = `const counter = new SharedInt(0);
export const threads = 2;
export function thread(id) {
  counter.value = counter.value + 1;
}
export function check() {
  return counter.value === 2 || \`expected 2, got \${counter.value}\`;
}
`;

test('clicking two lanes into a lost update: marked on the step timeline, named in the verdict', async ({
  openApp,
}) => {
  const page = await openApp();
  await openSteps(page, lostUpdate);
  await expect(page.getByRole('status').filter({ hasText: 'Paused at step 0' })).toBeVisible();
  // Both threads start, both read 0, T0 writes 1, then T1 writes 1 over it.
  await stepLane(page, /^Step T0: start/, /^Step T0: read counter, line 4$/);
  await stepLane(page, /^Step T1: start/, /^Step T1: read counter, line 4$/);
  await stepLane(page, 'Step T0: read counter, line 4', /^Step T0: write counter, line 4$/);
  await stepLane(page, 'Step T1: read counter, line 4', /^Step T1: write counter, line 4$/);
  await stepLane(page, 'Step T0: write counter, line 4', /^Step T0: end/);
  await expect(page.getByRole('list', { name: 'T0’s steps' })).toContainText('read 0');
  await expect(page.getByRole('list', { name: 'T1’s steps' })).toContainText('read 0');
  await stepLane(page, 'Step T1: write counter, line 4', /^Step T1: end/);

  const sentence = "T1 wrote 1 over T0's 1 (counter): T1 read 0 before T0 wrote.";
  const marked = page
    .getByRole('list', { name: 'T1’s steps' })
    .getByRole('listitem')
    .filter({ hasText: 'Lost update' });
  await expect(marked).toContainText('◆ write 1');
  await expect(marked).toContainText(`Lost update: ${sentence}`);
  const verdict = page.getByRole('status').filter({ hasText: 'Paused at step 6' });
  await expect(verdict).toContainText('Lost updates');
  await expect(verdict).toContainText(sentence);

  // The event table lists the steps, the lost update on its row.
  await page.getByRole('tab', { name: 'Event table' }).click();
  const lostRow = page
    .getByRole('region', { name: 'Steps' })
    .getByRole('row')
    .filter({ hasText: `lost update: ${sentence}` });
  await expect(lostRow).toContainText('write 1');
  await page.getByRole('tab', { name: 'Timeline' }).click();

  // To the end: the check fails, and the verdict still names the lost update.
  const report = await page.evaluate(() => window.interleave!.run());
  expect(report.outcome).toBe('check-failed');
  expect(report.lostUpdates).toEqual([
    { variable: 'counter', thread: 1, wrote: 1, overwrote: { thread: 0, value: 1 } },
  ]);
  const failed = page.getByRole('status').filter({ hasText: 'Check failed' });
  await expect(failed).toContainText(sentence);
  // Once the run has ended, no lane steps.
  await expect(page.getByRole('button', { name: 'T0 finished' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
});

const crossedLocks = `const lockA = new Lock();
const lockB = new Lock();
export const roles = { ab: 1, ba: 1 };
export function ab() {
  lockA.acquire();
  lockB.acquire();
  lockB.release();
  lockA.release();
}
export function ba() {
  lockB.acquire();
  lockA.acquire();
  lockA.release();
  lockB.release();
}
`;

test('a lane that cannot move says why; the event table and wait-for graph work in step mode', async ({
  openApp,
}) => {
  const page = await openApp();
  await openSteps(page, crossedLocks);
  await stepLane(page, /^Step ab-0: start/, /^Step ab-0: acquire lockA, line 5$/);
  await stepLane(page, 'Step ab-0: acquire lockA, line 5', /^Step ab-0: acquire lockB, line 6$/);
  await stepLane(page, 'Step ab-0: acquire lockB, line 6', /^Step ab-0: release lockB/);
  await stepLane(page, /^Step ba-0: start/, 'ba-0 next: acquire lockB, line 11');
  // The blocked lane says why (its description), and clicking it does nothing.
  const blocked = page.getByRole('button', { name: 'ba-0 next: acquire lockB, line 11' });
  await expect(blocked).toHaveAttribute('aria-disabled', 'true');
  await expect(blocked).toHaveAccessibleDescription('waits for lockB, held by ab-0');
  await blocked.click({ force: true });
  await expect(page.getByRole('status').filter({ hasText: 'Paused at step 4' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'ba-0’s steps' })).toContainText(
    'waits for lockB, held by ab-0',
  );
  // Back to ab-0 holding lockA alone; ba-0 then takes lockB: each waits for the other's lock.
  await page.evaluate(async () => {
    const api = window.interleave!;
    await api.back();
    await api.back();
    await api.step(1);
    await api.step(1);
  });
  const state = await page.evaluate(() => window.interleave!.stepState());
  expect(state?.report?.outcome).toBe('deadlock');
  // The verdict (other status lines may say "deadlock" too).
  await expect(
    page.getByRole('status').filter({ hasText: 'ab-0 waits for lockB, held by ba-0' }),
  ).toContainText('Deadlock');
  // The step timeline shows the waits as stretches.
  await expect(page.getByRole('list', { name: 'ab-0’s steps' })).toContainText(
    'waits for lockB, held by ba-0',
  );
  await page.getByRole('tab', { name: 'Wait-for graph' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/lockA|lockB/);
  await page.getByRole('tab', { name: 'Event table' }).click();
  const rows = page.getByRole('region', { name: 'Steps' }).getByRole('row');
  // A header, four steps, and each thread's wait at the end.
  await expect(rows).toHaveCount(7);
  await expect(rows.filter({ hasText: 'acquire' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'waits for lockB, held by ba-0' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'waits for lockA, held by ab-0' })).toHaveCount(1);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations on the step timeline (${theme})`, async ({
    openApp,
  }) => {
    const page = await openApp(`?theme=${theme}`);
    await openSteps(page, lostUpdate);
    for (let k = 0; k < 6; k++) await page.evaluate((t) => window.interleave!.step(t), k % 2);
    await expect(page.getByRole('status').filter({ hasText: 'Paused at step 6' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'T1’s steps' })).toContainText('◆ write 1');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the parallel timeline’s verdict lists lost updates too', async ({ openApp }) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const report = await page.evaluate(async () => {
    window.interleave!.load({ v: 1, demo: 'race-counter', params: { fix: false } });
    return window.interleave!.run();
  });
  expect(report.outcome).toBe('check-failed');
  const first = report.lostUpdates?.[0];
  expect(first).toBeDefined();
  const verdict = page.getByRole('status').filter({ hasText: 'Check failed' });
  await expect(verdict).toContainText('Lost updates');
  await expect(verdict).toContainText(
    new RegExp(
      `wrote ${first!.wrote} over T${first!.overwrote.thread}'s ${first!.overwrote.value}`,
    ),
  );
});

test('at 390 px the step timeline scrolls inside itself, and the page does not', async ({
  browser,
  app,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/`);
  await openSteps(page, lostUpdate.replace('threads = 2', 'threads = 4'));
  for (let k = 0; k < 12; k++) await page.evaluate((t) => window.interleave!.step(t), k % 4);
  const lanes = page.getByRole('region', { name: /^Step timeline: 12 steps/ });
  await expect(lanes).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // The lanes are wider than the screen: they scroll, and the newest step is in view.
  const box = await lanes.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
  expect(box.scroll).toBeGreaterThan(box.client);
  const newest = page
    .getByRole('list', { name: 'T3’s steps' })
    .getByRole('listitem')
    .filter({ hasText: 'Step 12:' });
  await lanes.scrollIntoViewIfNeeded();
  await expect(newest).toBeInViewport();
  await context.close();
});

test('the race demo without its sleep: every step-mode run and the search lose an update', async ({
  openApp,
}) => {
  test.setTimeout(120_000);
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  // Each thread: start, 40 reads and 40 writes, end: 164 steps in all.
  const params = { pause: false, threads: 2, iterations: 40 };
  for (const seed of [1, 2, 3]) {
    const report = await page.evaluate(
      async ({ params, seed }) => {
        const api = window.interleave!;
        await api.load({ v: 1, demo: 'race-counter', params: { ...params, seed }, mode: 'step' });
        return api.run();
      },
      { params, seed },
    );
    expect(report.outcome, `seed ${seed}`).toBe('check-failed');
    expect(report.lostUpdates?.length, `seed ${seed}`).toBeGreaterThan(0);
  }
  // The last run stays open: its steps are paged, the newest first.
  const pages = page.getByRole('navigation', { name: 'Steps shown' });
  await expect(pages).toContainText('Steps 61–164 of 164');
  await expect(page.getByRole('list', { name: 'T0’s steps' })).toContainText('end');
  await pages.getByRole('button', { name: 'Earlier steps' }).click();
  await expect(pages).toContainText('Steps 1–120 of 164');
  await expect(page.getByRole('list', { name: 'T0’s steps' })).toContainText('start');
  await pages.getByRole('button', { name: 'Latest steps' }).click();
  await expect(pages).toContainText('Steps 61–164 of 164');
  const found = await page.evaluate(
    (params) => window.interleave!.search({ v: 1, demo: 'race-counter', params }),
    { ...params, iterations: 5 },
  );
  expect(found.found).toBe(true);
  expect(found.report?.lostUpdates?.length).toBeGreaterThan(0);
});
