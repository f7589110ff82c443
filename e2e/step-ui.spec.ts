import type { Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { embeddedApp, hashOf, openHost } from './host-page';
import { test, expect } from './fixtures';
import type { ParamValue, State } from '../src/runtime/contract-types';
import type { StepState } from '../src/runtime/step/types';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

const RACE_CODE = `const counter = new SharedInt(0);
export const threads = 2;
export function thread(id) {
  counter.value = counter.value + 1;
}
export function check() {
  return counter.value === 2 || \`expected 2, got \${counter.value}\`;
}
`;

// The race demo, small: two threads, one increment each (a read, a sleep, a write).
const SMALL_RACE = { threads: 2, iterations: 1 };

/** Opens the page on a demo (parallel mode), the editor loaded. */
async function openDemo(
  page: Page,
  url: string,
  demo: string,
  params: Record<string, ParamValue> = {},
): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate((state) => window.interleave!.load(state), { v: 1, demo, params } as State);
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });
}

const stepState = (page: Page): Promise<StepState | null> =>
  page.evaluate(() => window.interleave!.stepState());

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Step \d+\./ });

/**
 * Presses Tab (or Shift+Tab) until the focus is on the button named `name` (at most 30 presses).
 * Backwards for a control above the focus: past the controls, Monaco keeps Tab for indentation.
 */
async function tabTo(page: Page, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${name}`);
}

test('keyboard only: switch to step mode, step with number keys, Back, Run to end', async ({
  page,
  app,
}) => {
  await openDemo(page, `${app.url}/`, 'race-counter', SMALL_RACE);
  await page.getByRole('radio', { name: 'Parallel' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Step' })).toBeChecked();
  await expect(status(page)).toHaveText(/^Step 0\. Can move: T0, T1\./, { timeout: 30_000 });
  // The digits step T0 then T1 (the focus is on the radio group, not in a text field).
  await page.keyboard.press('1');
  await expect(status(page)).toHaveText(/^Step 1\./);
  await page.keyboard.press('2');
  await expect(status(page)).toHaveText(/^Step 2\./);
  expect((await stepState(page))?.schedule).toEqual([0, 1]);
  const afterOne = (await page.evaluate(async () => {
    await window.interleave!.back();
    const back = window.interleave!.stepState();
    await window.interleave!.step(1);
    return back;
  }))!;
  await tabTo(page, 'Back');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/^Step 1\./);
  expect((await stepState(page))?.threads.map((t) => t.pending)).toEqual(
    afterOne.threads.map((t) => t.pending),
  );
  await tabTo(page, 'Run to end', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/The run ended: check-failed|The run ended: ok/, {
    timeout: 30_000,
  });
  expect((await stepState(page))?.report?.schedule?.slice(0, 1)).toEqual([0]);
});

test('Back restores the previous pending operations, and the shared values with them', async ({
  page,
  app,
}) => {
  await openDemo(page, `${app.url}/`, 'race-counter', SMALL_RACE);
  await page.getByRole('radio', { name: 'Step' }).check();
  await expect(status(page)).toHaveText(/^Step 0\./, { timeout: 30_000 });
  const values = page.getByRole('table', { name: 'Shared values' });
  // T0 starts and reads the counter: the panel shows 0, its first value.
  for (let i = 1; i <= 2; i++) {
    await page.keyboard.press('1');
    await expect(status(page)).toHaveText(new RegExp(`^Step ${i}\\.`));
  }
  await expect(values.getByRole('row', { name: /counter/ })).toContainText('nobody yet');
  const before = (await stepState(page))!;
  await page.getByRole('button', { name: 'Step (random)' }).click();
  await expect(status(page)).toHaveText(/^Step 3\./);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(status(page)).toHaveText(/^Step 2\./);
  const after = (await stepState(page))!;
  expect(after.schedule).toEqual(before.schedule);
  expect(after.threads).toEqual(before.threads);
  await expect(values.getByRole('row', { name: /counter/ })).toContainText('nobody yet');
});

test('Find the bug on the deadlock demo: the cycle, and a schedule that replays', async ({
  page,
  app,
}) => {
  await openDemo(page, `${app.url}/`, 'deadlock');
  await page.getByRole('button', { name: 'Find the bug' }).click();
  const found = page.getByRole('status').filter({ hasText: /^Found it in \d+ runs?/ });
  await expect(found).toContainText('the threads deadlock', { timeout: 60_000 });
  // Opened in step mode at step 0, with the found schedule to follow.
  await expect(page.getByRole('radio', { name: 'Step' })).toBeChecked();
  await expect(status(page)).toHaveText(/^Step 0\./, { timeout: 30_000 });
  const along = page.getByRole('button', { name: 'Step along it' });
  while ((await along.getAttribute('aria-disabled')) === 'false') await along.click();
  await expect(status(page)).toHaveText(/The run ended: deadlock/, { timeout: 30_000 });
  const ended = (await stepState(page))!;
  await page.getByRole('tab', { name: 'Wait-for graph' }).click();
  await expect(
    page.getByRole('tabpanel', { name: 'Wait-for graph' }).getByRole('status'),
  ).toContainText('T0 holds lockA and waits for lockB, which T1 holds');
  // The same schedule, loaded afresh, ends the same way.
  const replay = await page.evaluate(async (schedule) => {
    const api = window.interleave!;
    await api.load({ ...api.state(), mode: 'step', schedule });
    return api.stepState()?.report;
  }, ended.schedule);
  expect(replay?.outcome).toBe('deadlock');
  expect(replay?.deadlock?.cycle).toEqual(ended.report?.deadlock?.cycle);
});

/** Steps 1, 2, 1 with the keys, then copies the link with the Share button. */
async function shareThreeSteps(page: Page): Promise<{ link: string; schedule: number[] }> {
  await page.getByRole('radio', { name: 'Step' }).check();
  await expect(status(page)).toHaveText(/^Step 0\./, { timeout: 30_000 });
  for (const key of ['1', '2', '1']) await page.keyboard.press(key);
  await expect(status(page)).toHaveText(/^Step 3\./);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByText('Link copied.')).toBeVisible({ timeout: 15_000 });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  return { link, schedule: (await stepState(page))!.schedule };
}

test('a share link with a schedule reopens paused at the same step', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await openDemo(page, `${app.url}/`, 'race-counter', SMALL_RACE);
  const { link, schedule } = await shareThreeSteps(page);
  const reader = await context.newPage();
  await reader.goto(link);
  await expect(status(reader)).toHaveText(/^Step 3\./, { timeout: 30_000 });
  expect((await stepState(reader))?.schedule).toEqual(schedule);
  await expect(reader.getByRole('radio', { name: 'Step' })).toBeChecked();
  await expect(reader.getByRole('button', { name: 'Back' })).toHaveAttribute(
    'aria-disabled',
    'false',
  );
  await reader.close();
});

test('a step link carrying code runs nothing before the click, then opens at its step', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await openDemo(page, `${app.url}/`, 'race-counter', SMALL_RACE);
  // The learner's own program: the link carries code.
  await page.evaluate(
    (code) => window.interleave!.load({ v: 1, demo: 'scratch', code }),
    RACE_CODE,
  );
  const { link, schedule } = await shareThreeSteps(page);
  const reader = await context.newPage();
  await reader.goto(link);
  const open = reader.getByRole('button', { name: 'Open in step mode' });
  await expect(open).toBeVisible({ timeout: 30_000 });
  expect(await stepState(reader)).toBeNull();
  await open.click();
  await expect(status(reader)).toHaveText(/^Step 3\./, { timeout: 30_000 });
  expect((await stepState(reader))?.schedule).toEqual(schedule);
  await reader.close();
});

/** Presses thread `id`'s number key until it has taken a step whose op was `op` (at most 10). */
async function stepThrough(page: Page, id: number, op: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const before = (await stepState(page))!;
    await page.keyboard.press(String(id + 1));
    await page.waitForFunction(
      (n) => window.interleave!.stepState()?.steps === n,
      before.steps + 1,
    );
    if (before.threads[id]?.pending?.op === op) return;
  }
  throw new Error(`T${id} never did '${op}'`);
}

test('the challenge: both threads read before either writes, and the page says it broke', async ({
  page,
  app,
}) => {
  await openDemo(page, `${app.url}/`, 'race-counter', SMALL_RACE);
  await page.getByRole('radio', { name: 'Step' }).check();
  await expect(status(page)).toHaveText(/^Step 0\./, { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Challenge' })).toContainText(
    'Can you break it? Schedule the threads so that the check fails.',
  );
  // Each thread up to its read, and through it: both have read 0.
  await stepThrough(page, 0, 'read');
  await stepThrough(page, 1, 'read');
  const taken = (await stepState(page))!.steps;
  await page.getByRole('button', { name: 'Run to end' }).click();
  const said = page.getByRole('region', { name: 'Challenge' }).getByRole('status');
  await expect(said).toContainText('You broke it: the check fails after', { timeout: 30_000 });
  await expect(said).toContainText(`You chose the first ${taken}; Run to end chose the rest.`);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in step mode (${theme})`, async ({
    page,
    app,
  }) => {
    await openDemo(page, `${app.url}/?theme=${theme}`, 'race-counter', SMALL_RACE);
    await page.getByRole('radio', { name: 'Step' }).check();
    await expect(status(page)).toHaveText(/^Step 0\./, { timeout: 30_000 });
    for (const key of ['1', '1', '2']) await page.keyboard.press(key);
    await expect(status(page)).toHaveText(/^Step 3\./);
    // The next-line highlights are drawn in the editor.
    await expect(page.locator('.next-line-tag').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Shared values' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('at 390 px, step mode has no horizontal scroll', async ({ browser, app }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await openDemo(page, `${app.url}/`, 'race-counter', SMALL_RACE);
  await page.getByRole('radio', { name: 'Step' }).check();
  await expect(status(page)).toHaveText(/^Step 0\./, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Step (random)' }).click();
  await expect(status(page)).toHaveText(/^Step 1\./);
  await expect(page.getByRole('button', { name: 'Run to end' })).toBeInViewport({ ratio: 1 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('an embed in step mode opens paused and shows the stepping controls', async ({
  page,
  app,
}) => {
  const state: State = { v: 1, demo: 'race-counter', params: SMALL_RACE, mode: 'step' };
  const host = await openHost(page, `${app.url}/?embed=1${hashOf(state)}`);
  try {
    const frame = await embeddedApp(page);
    const stepped = frame.getByRole('status').filter({ hasText: /^Step \d+\./ });
    await expect(stepped).toHaveText(/^Step 0\. Can move: T0, T1\./, { timeout: 30_000 });
    await frame.getByRole('button', { name: 'Step (random)' }).click();
    await expect(stepped).toHaveText(/^Step 1\./);
    await frame.getByRole('button', { name: 'Back' }).click();
    await expect(stepped).toHaveText(/^Step 0\./);
    await frame.getByRole('button', { name: 'Run to end' }).click();
    await expect(stepped).toHaveText(/The run ended: (check-failed|ok)\./, { timeout: 30_000 });
  } finally {
    await host.close();
  }
});
