import { createRequire } from 'node:module';
import type * as LZ from 'lz-string';
import { test, expect } from './fixtures';

// lz-string is CommonJS: required by name here, as the embed spec does.
const lz = createRequire(import.meta.url)('lz-string') as typeof LZ;

test('a first visit opens on the race demo with one sentence on what to press', async ({
  openApp,
}) => {
  const page = await openApp();
  const picker = page.getByRole('combobox', { name: 'Demo', exact: true });
  await expect(picker).toHaveValue('race-counter');
  await expect(page.getByRole('heading', { name: 'Race condition: lost updates' })).toBeVisible();
  await expect(page.getByText(/^Press Run: four threads each add 1/)).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check failed' }).first()).toBeVisible({
    timeout: 30_000,
  });
  // The sentence belongs to the newcomer's demo only.
  await picker.selectOption('deadlock');
  await expect(page.getByText(/^Press Run: four threads/)).toHaveCount(0);
});

test('a share link opens its own demo, without the first-visit sentence', async ({ openApp }) => {
  const hash = lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, demo: 'deadlock' }));
  const page = await openApp(`#s=${hash}`);
  await expect(page.getByRole('combobox', { name: 'Demo', exact: true })).toHaveValue('deadlock');
  await expect(page.getByText(/^Press Run: four threads/)).toHaveCount(0);
});

test('the picker groups demos by topic in the tutorials’ order, and search narrows it', async ({
  openApp,
}) => {
  const page = await openApp();
  const picker = page.getByRole('combobox', { name: 'Demo', exact: true });
  await expect(picker).toHaveValue('race-counter');
  const groups = await picker
    .locator('optgroup')
    .evaluateAll((els) => els.map((el) => el.getAttribute('label')));
  expect(groups).toEqual([
    'Basics: starting and ending threads',
    'Races and locks',
    'Coordination: signals, conditions, queues',
    'Thread pools',
    'Deadlocks',
    'The GIL',
  ]);
  await expect(picker.locator('option')).toHaveCount(25);

  const search = page.getByRole('searchbox', { name: 'Search demos' });
  await search.fill('barrier');
  // The open demo stays listed so the picker never shows another demo than the open one.
  await expect(picker.locator('option')).toHaveCount(2);
  await expect(page.getByText('1 demo match')).toBeAttached();
  await search.press('Enter');
  await expect(picker).toHaveValue('barrier-phases');
  await expect(page.getByRole('heading', { name: /^Barrier/ })).toBeVisible();

  // Keyboard only: the select is the browser's own listbox.
  await search.fill('');
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await expect(picker).not.toHaveValue('barrier-phases');
});
