import { test as base, expect, type Page } from '@playwright/test';
import { startPreview, type Served } from './servers';

type WorkerFixtures = { app: Served };
type TestFixtures = { consoleErrors: string[]; openApp: (query?: string) => Promise<Page> };

/**
 * `app` serves the built app once per Playwright worker; `openApp` loads it in a fresh page and
 * collects console errors so a spec can assert there were none.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  app: [
    // Playwright requires the first fixture argument to be a destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const served = await startPreview();
      await use(served);
      await served.close();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(errors);
  },
  openApp: async ({ page, app, consoleErrors: _ }, use) => {
    await use(async (query = '') => {
      await page.goto(`${app.url}/${query}`);
      return page;
    });
  },
});

export { expect };
