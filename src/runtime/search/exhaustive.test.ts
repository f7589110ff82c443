import { describe, expect, it } from 'vitest';
import type { StepRunResult } from '../step';
import { preemptionsOf } from './choices';
import { createExhaustive, optionsOf } from './exhaustive';
import type { Strategy } from './strategy';
import {
  createModelEngine,
  lockCycleModel,
  lostUpdateModel,
  type ModelProgram,
} from './testing/model-engine';
import { viewOf } from './testing/views';

/** Runs a strategy to its end (or `cap` runs) on a model program. */
async function explore(strategy: Strategy, program: ModelProgram, cap = 10_000) {
  const engine = createModelEngine(program);
  const runs: StepRunResult[] = [];
  for (
    let scheduler = strategy.next();
    scheduler && runs.length < cap;
    scheduler = strategy.next()
  ) {
    const run = await engine.run(scheduler);
    strategy.learn(run);
    runs.push(run);
  }
  return runs;
}

const twoByTwo: ModelProgram = {
  threads: [
    [{ op: 'local' }, { op: 'local' }],
    [{ op: 'local' }, { op: 'local' }],
  ],
};

describe('exhaustive search', () => {
  // By hand: two threads A (a1 a2) and B (b1 b2) have C(4, 2) = 6 interleavings. A switch away
  // from a thread that has ended is free, so their preemptions are:
  //   AABB 0 · BBAA 0 · ABBA 1 (a1→b1) · BAAB 1 (b1→a1) · ABAB 2 (a1→b1, b1→a2) · BABA 2.
  // At most 0 preemptions: 2 schedules; at most 1: 4; at most 2 (or more): all 6.
  it.each([
    { bound: 0, count: 2 },
    { bound: 1, count: 4 },
    { bound: 2, count: 6 },
    { bound: 3, count: 6 },
  ])(
    'explores exactly the $count schedules of 2×2 steps with ≤ $bound preemptions, then says complete',
    async ({ bound, count }) => {
      const strategy = createExhaustive(bound);
      const runs = await explore(strategy, twoByTwo);
      const schedules = runs.map((r) => r.schedule.join(''));
      expect(runs).toHaveLength(count);
      expect(new Set(schedules).size).toBe(count);
      for (const run of runs)
        expect(preemptionsOf(run.schedule, run.views)).toBeLessThanOrEqual(bound);
      expect(strategy.complete()).toBe(true);
      expect(strategy.next()).toBeNull();
    },
  );

  // The deepest open decision moves first, and at each one the steady pick comes before the switch.
  // The deepest open decision moves first, and at each one the steady pick comes before the switch.
  it('lists the six schedules of 2×2 steps in depth-first order', async () => {
    const runs = await explore(createExhaustive(2), twoByTwo);
    expect(runs.map((r) => r.schedule.join(''))).toEqual([
      '0011',
      '0110',
      '0101',
      '1100',
      '1001',
      '1010',
    ]);
  });

  it('matches the count of all interleavings when the bound is never reached (3 threads × 2 steps: 6!/(2!·2!·2!) = 90)', async () => {
    const threads = [0, 1, 2].map(() => [{ op: 'local' as const }, { op: 'local' as const }]);
    const runs = await explore(createExhaustive(6), { threads });
    expect(runs).toHaveLength(90);
    expect(new Set(runs.map((r) => r.schedule.join(''))).size).toBe(90);
  });

  it('finds the lost update and the lock cycle within 1 preemption', async () => {
    const lost = await explore(createExhaustive(1), lostUpdateModel());
    expect(lost.some((r) => r.report.outcome === 'check-failed')).toBe(true);
    const cycle = await explore(createExhaustive(1), lockCycleModel(2));
    expect(cycle.some((r) => r.report.outcome === 'deadlock')).toBe(true);
  });

  // T0 takes lock0; one preemption lets T2 take lock2 and block on lock0; that switch to T1 is forced
  // (free), T1 takes lock1 and blocks on lock2, T0 blocks on lock1: a 3-lock cycle for 1 preemption.
  it('finds a 3-lock cycle with 1 preemption and none without preemptions', async () => {
    const at0 = await explore(createExhaustive(0), lockCycleModel(3));
    expect(at0.some((r) => r.report.outcome === 'deadlock')).toBe(false);
    const at1 = await explore(createExhaustive(1), lockCycleModel(3));
    const deadlock = at1.find((r) => r.report.outcome === 'deadlock');
    expect(deadlock?.report.deadlock?.cycle.map((e) => e.waitsFor).sort()).toEqual([
      'lock0',
      'lock1',
      'lock2',
    ]);
  });

  it('does not claim completeness when a run was cut short by the step cap', async () => {
    const strategy = createExhaustive(0);
    const engine = createModelEngine(twoByTwo, 3);
    for (let s = strategy.next(); s; s = strategy.next()) strategy.learn(await engine.run(s));
    expect(strategy.complete()).toBe(false);
  });

  it('offers the steady pick first, and only it once the bound is spent', () => {
    const R = { status: 'ready' } as const;
    expect(optionsOf(viewOf([1], [R, R, R]), 0, 1)).toEqual([1, 0, 2]);
    expect(optionsOf(viewOf([1], [R, R, R]), 1, 1)).toEqual([1]);
    // A forced switch (the last thread blocked) is free even with no preemption left.
    expect(optionsOf(viewOf([1], [R, { status: 'blocked' }, R]), 1, 1)).toEqual([0, 2]);
  });
});
