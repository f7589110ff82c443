import { FIRST_VISIT } from '../src/demos/topics';
import type { State } from '../src/runtime/contract-types';
import { test, expect } from './fixtures';
import { call, embeddedApp, hashOf, openHost, replyTo, send } from './host-page';

// The key of src/share/draft-store.ts: a drift fails the tests that use it.
const DRAFT_KEY = 'interleave:draft:v1';
const myDraft: State = {
  v: 1,
  demo: 'scratch',
  code: '// my secret draft\nexport const threads = 1;\n',
};

test('an embed neither reads nor writes the learner’s draft', async ({ page, app }) => {
  await page.goto(`${app.url}/`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    DRAFT_KEY,
    JSON.stringify(myDraft),
  ] as const);
  const host = await openHost(page, `${app.url}/?embed=1`);
  try {
    const frame = await embeddedApp(page);
    const state = await call(page, { type: 'interleave:state', id: 1 }, 1);
    expect(state.result).toEqual({ v: 1, demo: 'scratch' });

    await call(page, { type: 'interleave:load', id: 2, args: [{ v: 1, demo: 'deadlock' }] }, 2);
    // The frame writes its address after a change (debounced), just before it would save a draft.
    await frame.waitForFunction(() => location.hash.startsWith('#s='));
    expect(await frame.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(
      JSON.stringify(myDraft),
    );
  } finally {
    await host.close();
  }
});

test('code a host page loads is shown as such, and so is its run', async ({ page, app }) => {
  const host = await openHost(page, `${app.url}/?embed=1`);
  try {
    const frame = page.frameLocator('iframe');
    await embeddedApp(page);
    const code =
      'export const threads = 1;\nexport function thread() { print("from the host"); }\n';
    await call(
      page,
      { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'scratch', code }] },
      1,
    );
    const notice = frame.getByRole('status').filter({ hasText: 'loaded by the page around' });
    await expect(notice).toContainText(host.url);
    await expect(notice).toContainText('it has not run yet');
    const run = await call(page, { type: 'interleave:run', id: 2 }, 2);
    expect((run.result as { outcome: string }).outcome).toBe('ok');
    await expect(notice).toContainText('and it has run it');

    // The demo's own program is Interleave's, not the host's: the notice goes.
    await call(page, { type: 'interleave:load', id: 3, args: [{ v: 1, demo: 'deadlock' }] }, 3);
    await expect(notice).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('a link’s knobs are held to their ranges, and autorun runs only that', async ({ openApp }) => {
  const link = hashOf({ v: 1, demo: 'race-counter', params: { threads: 64, iterations: 1e12 } });
  const page = await openApp(`?autorun=1${link}`);
  const notice = page.getByRole('status').filter({ hasText: 'could not be opened as it is' });
  await expect(notice).toContainText('threads: 64 is outside 1–16; using 16.', { timeout: 30_000 });
  await expect(notice).toContainText('iterations: 1e12 is outside 1–200; using 200.');
  expect(await page.evaluate(() => window.interleave?.state().params)).toEqual({
    threads: 16,
    iterations: 200,
  });
  await page.waitForFunction(() => window.interleave?.lastReport() != null, null, {
    timeout: 45_000,
  });
  const report = await page.evaluate(() => window.interleave?.lastReport());
  expect(report?.threads).toHaveLength(16);
});

test('a host’s load is held to the ranges too, with a notice in the frame', async ({
  page,
  app,
}) => {
  const host = await openHost(page, `${app.url}/?embed=1`);
  try {
    const frame = await embeddedApp(page);
    const state = { v: 1, demo: 'race-counter', params: { threads: 64, fix: true } };
    expect(await call(page, { type: 'interleave:load', id: 1, args: [state] }, 1)).toMatchObject({
      result: null,
    });
    expect(await frame.evaluate(() => window.interleave?.state().params)).toEqual({
      threads: 16,
      fix: true,
    });
    await expect(
      page.frameLocator('iframe').getByRole('status').filter({ hasText: 'outside their range' }),
    ).toContainText('threads: 64 is outside 1–16; using 16.');
  } finally {
    await host.close();
  }
});

test('stop() ends a sweep the host started', async ({ page, app }) => {
  const host = await openHost(page, `${app.url}/?embed=1`);
  try {
    await embeddedApp(page);
    const long = { threads: [1, 2, 4, 8], repeats: 20 };
    // The frame handles messages in order: the sweep has started when the stop arrives.
    await send(page, {
      type: 'interleave:sweep',
      id: 'sweep',
      args: [{ v: 1, demo: 'race-counter' }, long],
    });
    const stop = await call(page, { type: 'interleave:stop', id: 'stop' }, 'stop');
    expect(stop.result).toBeNull();
    const sweep = await replyTo(page, 'sweep');
    expect(sweep.error).toBe('The sweep was stopped.');
    expect(sweep).not.toHaveProperty('result');
    // The frame is free again: a run goes through at once.
    await call(page, { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'deadlock' }] }, 1);
    const run = await call(page, { type: 'interleave:run', id: 2 }, 2);
    expect(['deadlock', 'ok']).toContain((run.result as { outcome: string }).outcome);
  } finally {
    await host.close();
  }
});

test('a full storage makes the draft save fail visibly, and no stale draft comes back', async ({
  openApp,
  app,
}) => {
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate(() =>
    window.interleave?.load({ v: 1, demo: 'race-counter', params: { fix: true } }),
  );
  await page.waitForFunction(
    (key) => localStorage.getItem(key)?.includes('race-counter'),
    DRAFT_KEY,
  );

  // Fill the origin's storage to the last character.
  await page.evaluate(() => {
    let chunk = 1 << 20;
    for (let i = 0; chunk >= 1;) {
      try {
        localStorage.setItem(`filler-${i++}`, 'x'.repeat(chunk));
      } catch {
        chunk = Math.floor(chunk / 2);
      }
    }
  });
  const bigger = { v: 1 as const, demo: 'scratch', code: `// ${'y'.repeat(4000)}\n` };
  await page.evaluate((s) => window.interleave?.load(s), bigger);
  await expect(
    page.getByRole('status').filter({ hasText: 'Your draft could not be saved' }),
  ).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();

  // The next plain visit opens the default, not the older draft as if it were current.
  await page.goto('about:blank');
  await page.goto(`${app.url}/`);
  await page.waitForFunction(() => window.interleave !== undefined);
  expect(await page.evaluate(() => window.interleave?.state())).toEqual({
    v: 1,
    demo: FIRST_VISIT.demo,
  });
  await page.evaluate(() => localStorage.clear());
});
