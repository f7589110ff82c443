import type { Page } from '@playwright/test';
import type { ParamValue, RunReport } from '../src/runtime/contract-types';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

/** Loads `code` as the scratch demo through window.interleave and runs it to its report. */
export async function runProgram(
  page: Page,
  code: string,
  params: Record<string, ParamValue> = {},
): Promise<RunReport> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(
    async ({ code, params }) => {
      const api = window.interleave;
      if (!api) throw new Error('window.interleave is missing');
      api.load({ v: 1, demo: 'scratch', code, params });
      return api.run();
    },
    { code, params },
  );
}
