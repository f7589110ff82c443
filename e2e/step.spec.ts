import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ParamValue, RunReport } from '../src/runtime/contract-types';
import type { StepState } from '../src/runtime/step/types';
// Brings the window.interleave declaration into the specs' type scope.
import type {} from '../src/ui/interleave-api';

/** Opens `code` (or a demo's own program) as a paused step run; resolves with its StepState. */
async function openSteps(
  page: Page,
  code: string | undefined,
  options: { demo?: string; params?: Record<string, ParamValue>; schedule?: number[] } = {},
): Promise<StepState> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(
    async ({ code, options }) => {
      const api = window.interleave;
      if (!api) throw new Error('window.interleave is missing');
      await api.load({
        v: 1,
        demo: options.demo ?? 'scratch',
        ...(code === undefined ? {} : { code }),
        params: options.params ?? {},
        mode: 'step',
        ...(options.schedule ? { schedule: options.schedule } : {}),
      });
      const state = api.stepState();
      if (!state) throw new Error('no step run is open');
      return state;
    },
    { code, options },
  );
}

const step = (page: Page, thread?: number) =>
  page.evaluate(async (t) => window.interleave!.step(t), thread);
const run = (page: Page): Promise<RunReport> => page.evaluate(() => window.interleave!.run());

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

test('a forced lost update, stepped by reading each thread’s pending op', async ({ openApp }) => {
  const page = await openApp();
  let state = await openSteps(page, lostUpdate);
  expect(state.steps).toBe(0);
  expect(state.threads.map((t) => t.pending?.op)).toEqual(['start', 'start']);
  // Bring each thread to its read of the counter.
  for (const id of [0, 1]) {
    while (state.threads[id]?.pending?.op !== 'read') state = await step(page, id);
    expect(state.threads[id]?.pending).toMatchObject({ op: 'read', object: 'counter', line: 5 });
  }
  // Both read 0, then both write 1.
  await step(page, 0);
  state = await step(page, 1);
  expect(state.threads[0]?.pending).toMatchObject({ op: 'write', object: 'counter' });
  expect(state.threads[1]?.pending).toMatchObject({ op: 'write', object: 'counter' });
  const report = await run(page);
  expect(report.mode).toBe('step');
  expect(report.outcome).toBe('check-failed');
  expect(report.shared.counter).toBe(1);
  expect(report.schedule?.slice(0, state.steps)).toEqual(state.schedule);
});
