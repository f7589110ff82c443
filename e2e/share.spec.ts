import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import type { State } from '../src/runtime/contract-types';
import { createRequire } from 'node:module';
import type * as LZ from 'lz-string';

// The codec modules import lz-string by name, which only a bundler can do (it is CommonJS), so
// the specs write links by the contract itself (docs/contracts.md) and name the draft key of
// src/share/draft-store.ts: a drift fails the tests that use them.
const lz = createRequire(import.meta.url)('lz-string') as typeof LZ;
const DRAFT_KEY = 'interleave:draft:v1';

// A program no demo has, with a line we can find in the editor.
const customCode = `
export const threads = 2;
export function thread(id) {
  print('hello from the link ' + id);
}
`;

const hashOf = (state: State) => `#s=${lz.compressToEncodedURIComponent(JSON.stringify(state))}`;

/** Waits until the app has opened and Monaco shows the program's text. */
async function editorShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => window.interleave !== undefined);
  await expect(page.locator('.view-lines')).toContainText(text, { timeout: 30_000 });
}

test('a link with its own code loads it and does not run it, even with autorun=1', async ({
  openApp,
}) => {
  const page = await openApp(`?autorun=1${hashOf({ v: 1, demo: 'scratch', code: customCode })}`);
  await editorShows(page, 'hello from the link');
  expect(await page.evaluate(() => window.interleave?.state().code)).toBe(customCode);
  await expect(page.getByRole('status').filter({ hasText: 'came from the link' })).toBeVisible();
  await expect(page.getByText('Not run yet')).toBeVisible();
  expect(await page.evaluate(() => window.interleave?.lastReport())).toBeNull();

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(() => window.interleave?.lastReport() != null, null, {
    timeout: 30_000,
  });
  const report = await page.evaluate(() => window.interleave?.lastReport());
  expect(report?.outcome).toBe('ok');
  expect(report?.output.map((line) => line.text).sort()).toEqual([
    'hello from the link 0',
    'hello from the link 1',
  ]);
});

test('a built-in demo link with autorun=1 runs to the demo’s outcome', async ({ openApp }) => {
  const page = await openApp(`?autorun=1${hashOf({ v: 1, demo: 'deadlock' })}`);
  await page.waitForFunction(() => window.interleave?.lastReport() != null, null, {
    timeout: 45_000,
  });
  expect(await page.evaluate(() => window.interleave?.lastReport()?.outcome)).toBe('deadlock');
});

test('a damaged link says so, loads the default demo and keeps the saved draft', async ({
  openApp,
}) => {
  const draft: State = {
    v: 1,
    demo: 'scratch',
    code: '// my own draft\nexport const threads = 1;\n',
  };
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    DRAFT_KEY,
    JSON.stringify(draft),
  ] as const);
  // A fresh document: changing only the hash of the open page would not reload it.
  await page.goto('about:blank');
  await openApp('?from=chat#s=garbage');

  const notice = page.getByRole('status').filter({ hasText: 'This link is damaged' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => window.interleave?.state())).toEqual({
    v: 1,
    demo: 'scratch',
  });
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(
    JSON.stringify(draft),
  );

  await notice.getByRole('button', { name: 'Restore my draft' }).click();
  expect(await page.evaluate(() => window.interleave?.state())).toEqual(draft);
  await editorShows(page, 'my own draft');
});

test('the Share button copies a link that opens the same setup', async ({
  openApp,
  context,
  app,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const state: State = { v: 1, demo: 'race-counter', params: { fix: true, threads: 3 } };
  await page.evaluate((s) => window.interleave?.load(s), state);
  // The address bar follows the session (debounced).
  await page.waitForFunction(() => location.hash.startsWith('#s='));

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByText('Link copied.')).toBeVisible({ timeout: 15_000 });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${app.url}/#s=`)).toBe(true);
  expect(new URL(link).hash).toBe(new URL(page.url()).hash);

  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForFunction(() => window.interleave !== undefined);
  expect(await page.evaluate(() => window.interleave?.state())).toEqual(state);
});

test('a large link is decoded off the main thread and still opens', async ({ openApp }) => {
  // Pseudo-random text compresses poorly: the link is well past the size decoded on the page.
  let x = 12345;
  const noise = Array.from({ length: 40_000 }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(97 + (x % 26));
  }).join('');
  const code = `// ${noise}\nexport const threads = 1;\nexport function thread() { print('big link'); }\n`;
  const hash = hashOf({ v: 1, demo: 'scratch', code });
  expect(hash.length).toBeGreaterThan(16 * 1024);
  const page = await openApp(hash);
  await page.waitForFunction(() => window.interleave?.state().code !== undefined, null, {
    timeout: 30_000,
  });
  expect(await page.evaluate(() => window.interleave?.state().code)).toBe(code);
});
