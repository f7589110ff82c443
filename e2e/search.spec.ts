import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ParamValue, SearchOptions, SearchResult, State } from '../src/runtime/contract-types';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

type Program = { demo?: string; code?: string; params?: Record<string, ParamValue> };

const stateOf = (p: Program): State => ({
  v: 1,
  demo: p.demo ?? 'scratch',
  ...(p.code === undefined ? {} : { code: p.code }),
  ...(p.params ? { params: p.params } : {}),
});

async function search(
  page: Page,
  program: Program,
  options: SearchOptions = {},
): Promise<SearchResult> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(([state, options]) => window.interleave!.search(state, options), [
    stateOf(program),
    options,
  ] as const);
}

/** Replays a schedule in step mode, the way a learner's link would, and returns the report. */
async function replay(page: Page, program: Program, schedule: number[]) {
  return page.evaluate(
    async ([state, schedule]) => {
      const api = window.interleave!;
      await api.load({ ...state, mode: 'step', schedule });
      return api.run();
    },
    [stateOf(program), schedule] as const,
  );
}

const lostUpdate = `
const counter = new SharedInt(0);
export const threads = 2;
export function thread(id) {
  counter.value = counter.value + 1;
}
export function check() {
  return counter.value === 2 || \`expected 2, got \${counter.value}\`;
}
`;

test('finds the lost update of two unsynchronized increments with no sleep, and the shrunk schedule replays to it', async ({
  openApp,
}) => {
  const page = await openApp();
  const result = await search(page, { code: lostUpdate });
  console.log(
    JSON.stringify({
      runs: result.runs,
      ms: result.ms,
      strategy: result.strategy,
      schedule: result.schedule,
      outcome: result.report?.outcome,
    }),
  );
  expect(result.found).toBe(true);
  expect(result.report?.outcome).toBe('check-failed');
  const again = await replay(page, { code: lostUpdate }, result.schedule ?? []);
  expect(again.outcome).toBe('check-failed');
  expect(again.schedule).toEqual(result.schedule);
});
