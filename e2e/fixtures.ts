import { test as base, expect, type Page } from '@playwright/test';
import { startPreview, type Served } from './servers';

type WorkerFixtures = { app: Served };
type TestFixtures = {
  /** Set with `test.use({ consoleErrorsExpected: true })` where a test provokes errors itself. */
  consoleErrorsExpected: boolean;
  consoleErrors: string[];
  openApp: (query?: string) => Promise<Page>;
};

/**
 * `app` serves the built app once per Playwright worker; `openApp` loads it in a fresh page.
 * Every test's page (its frames included) is watched for console errors and uncaught
 * exceptions: the test fails at teardown if there was any, unless it opted out.
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
  consoleErrorsExpected: [false, { option: true }],
  consoleErrors: [
    async ({ page, consoleErrorsExpected }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await use(errors);
      if (!consoleErrorsExpected) expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
  openApp: async ({ page, app }, use) => {
    await use(async (query = '') => {
      await page.goto(`${app.url}/${query}`);
      return page;
    });
  },
});

export { expect };
