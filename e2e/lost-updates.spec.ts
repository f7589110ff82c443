import type { Page } from '@playwright/test';
import type { ParamValue, RunReport } from '../src/runtime/contract-types';
import { test, expect } from './fixtures';
import { runProgram } from './run-helpers';

/** Loads a demo with `params` through window.interleave and runs it to its report. */
async function runDemo(
  page: Page,
  demo: string,
  params: Record<string, ParamValue>,
): Promise<RunReport> {
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.evaluate(
    async ({ demo, params }) => {
      window.interleave!.load({ v: 1, demo, params });
      return window.interleave!.run();
    },
    { demo, params },
  );
}

test.describe('lost updates in the report', () => {
  test('the race demo’s bug: every missing increment is accounted for', async ({ openApp }) => {
    const page = await openApp();
    const threads = 4;
    const iterations = 20;
    const report = await runDemo(page, 'race-counter', { fix: false, threads, iterations });
    expect(report.outcome).toBe('check-failed');
    // A complete trace: every read and write of the run is in it.
    expect(report.stats.droppedEvents).toBe(0);
    const lost = report.lostUpdates ?? [];
    expect(lost.length).toBeGreaterThan(0);
    for (const entry of lost) {
      expect(entry.variable).toBe('counter');
      expect(entry.overwrote.thread).not.toBe(entry.thread);
    }
    // Each increment writes what it read + 1. A write that is not stale adds 1 to the counter; a
    // stale one sets it from overwrote.value to wrote, losing overwrote.value + 1 − wrote
    // increments. So the increments missing from the final count are exactly the sum.
    const missing = threads * iterations - Number(report.shared.counter);
    const destroyed = lost.reduce((sum, l) => sum + l.overwrote.value + 1 - l.wrote, 0);
    expect(destroyed).toBe(missing);
  });

  test('none in the race demo’s fix, or with atomic adds', async ({ openApp }) => {
    const page = await openApp();
    const fixed = await runDemo(page, 'race-counter', { fix: true, iterations: 10 });
    expect(fixed.outcome).toBe('ok');
    expect(fixed.lostUpdates).toBeUndefined();
    for (const method of ['atomic', 'lock']) {
      const report = await runDemo(page, 'atomic-vs-lock', { method, iterations: 1000 });
      expect(report.outcome, method).toBe('ok');
      expect(report.lostUpdates, method).toBeUndefined();
    }
    // Its bug is a stale check, not a lost update: the withdrawals are atomic adds.
    const overdrawn = await runDemo(page, 'check-then-act', { fix: false });
    expect(overdrawn.outcome).toBe('check-failed');
    expect(overdrawn.lostUpdates).toBeUndefined();
  });

  test('exactly the forced ones, and none when params.traceValues is false', async ({
    openApp,
  }) => {
    const page = await openApp();
    // Every thread reads 0 before any writes (the barrier), then each writes 1 over the last.
    const program = `const counter = new SharedInt(0);
const allRead = new Barrier(3);
export const threads = 3;
export function thread(id) {
  const seen = counter.value;
  allRead.wait();
  counter.value = seen + 1;
}`;
    const traced = await runProgram(page, program);
    expect(traced.shared.counter).toBe(1);
    expect(traced.lostUpdates).toHaveLength(2);
    expect(traced.lostUpdates?.map((l) => [l.wrote, l.overwrote.value])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    const untraced = await runProgram(page, program, { traceValues: false });
    expect(untraced.shared.counter).toBe(1);
    expect(untraced.lostUpdates).toBeUndefined();
  });
});
