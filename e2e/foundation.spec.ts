import { test, expect } from './fixtures';
import { startStatic } from './servers';

test('the built app is cross-origin isolated and loads without console errors', async ({
  openApp,
  consoleErrors,
}) => {
  const page = await openApp();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  await expect(page.getByRole('heading', { name: 'Interleave' })).toBeVisible();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true');
  expect(consoleErrors).toEqual([]);
});

test('Monaco loads lazily, after first paint, and reports syntax errors under COEP', async ({
  openApp,
  page,
  app,
}) => {
  const html = await (await fetch(`${app.url}/`)).text();
  const initialScripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const loaded: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) loaded.push(new URL(r.url()).pathname);
  });
  await openApp();
  const editor = page.getByTestId('code-editor');
  await expect(editor).toHaveAttribute('data-ready', 'true');
  const lazyChunks = loaded.filter((p) => !initialScripts.includes(p));
  expect(lazyChunks.length).toBeGreaterThan(0);
  // Monaco's own code is in the lazy chunks, none of it in the initial ones.
  for (const path of initialScripts) {
    const body = await (await fetch(`${app.url}${path}`)).text();
    expect(body).not.toContain('StandaloneCodeEditor');
  }
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nconst = ;\n');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible({ timeout: 20_000 });
});

test('served without isolation headers, the page explains what is missing', async ({ page }) => {
  const plain = await startStatic('dist');
  try {
    await page.goto(`${plain.url}/`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('not cross-origin isolated');
    await expect(alert.getByRole('link', { name: /new tab/ })).toBeVisible();
  } finally {
    await plain.close();
  }
});
