import { describe, expect, it } from 'vitest';
import { seededRandom } from '../worker/kernel';
import { changePointsOf, createPct, firstStepsGuess, pctScheduler } from './pct';
import { createModelEngine, lostUpdateModel } from './testing/model-engine';
import { drawsOf, viewOf } from './testing/views';

const R = { status: 'ready' } as const;
const B = { status: 'blocked' } as const;

describe('PCT change points', () => {
  it.each([
    { depth: 1, steps: 50, count: 0 },
    { depth: 2, steps: 50, count: 1 },
    { depth: 3, steps: 50, count: 2 },
    { depth: 3, steps: 1, count: 1 },
    { depth: 3, steps: 0, count: 0 },
  ])(
    'depth $depth over $steps steps: $count distinct points in [1, k]',
    ({ depth, steps, count }) => {
      const random = seededRandom(7, 0);
      for (let trial = 0; trial < 200; trial++) {
        const points = changePointsOf(random, depth, steps);
        expect(points).toHaveLength(count);
        expect(new Set(points).size).toBe(count);
        expect(points).toEqual([...points].sort((a, b) => a - b));
        for (const p of points) expect(p >= 1 && p <= steps).toBe(true);
      }
    },
  );

  it('spreads change points over the whole range', () => {
    const random = seededRandom(3, 0);
    const hits = new Set<number>();
    for (let trial = 0; trial < 500; trial++)
      for (const p of changePointsOf(random, 2, 10)) hits.add(p);
    expect([...hits].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('PCT choice function on recorded views', () => {
  // Draws place threads into the priority list: T0 goes first (the only place), then a draw of 0.9
  // puts T1 at place 1 of [0, 1] (below T0), a draw of 0 at place 0 (above T0).
  it.each([
    {
      name: 'highest priority first (T1 placed below T0)',
      draws: [0, 0.9],
      view: viewOf([], [R, R]),
      pick: 0,
    },
    {
      name: 'highest priority first (T1 placed above T0)',
      draws: [0, 0],
      view: viewOf([], [R, R]),
      pick: 1,
    },
    {
      name: 'the highest that can move when it is blocked',
      draws: [0, 0.9],
      view: viewOf([], [B, R]),
      pick: 1,
    },
  ])('$name', ({ draws, view, pick }) => {
    expect(pctScheduler(drawsOf(...draws), [])(view)).toBe(pick);
  });

  it('demotes the thread about to step at a change point, below all others', () => {
    const schedule: number[] = [];
    const pick = pctScheduler(drawsOf(0, 0.9, 0.99), [2]);
    const threads = [R, R, R];
    // Priorities T0 > T1, then T2 is placed below both (draw 0.99 of 3 places).
    for (let step = 0; step < 4; step++) schedule.push(pick(viewOf([...schedule], threads)));
    // Step 1 runs T0; at step 2 (the change point) T0 drops to the bottom, so T1 runs from then on.
    expect(schedule).toEqual([0, 1, 1, 1]);
  });

  it('second change point drops a thread below the first one dropped', () => {
    const schedule: number[] = [];
    const pick = pctScheduler(drawsOf(0, 0.9), [1, 2]);
    for (let step = 0; step < 3; step++) schedule.push(pick(viewOf([...schedule], [R, R])));
    // Step 1: T0 (highest) is demoted, T1 runs; step 2: T1 is demoted below T0, T0 runs and stays.
    expect(schedule).toEqual([1, 0, 0]);
  });
});

describe('PCT over a search', () => {
  it('estimates k as the longest run seen, from a first guess', async () => {
    const pct = createPct(5, 2);
    expect(pct.name).toBe('pct(d=2)');
    expect(pct.stepsEstimate()).toBe(firstStepsGuess);
    const engine = createModelEngine(lostUpdateModel(2, 10));
    for (let i = 0; i < 5; i++) pct.learn(await engine.run(pct.next() ?? (() => 0)));
    expect(pct.stepsEstimate()).toBe(24);
    const longer = await createModelEngine(lostUpdateModel(3, 10)).run(
      (v) => v.threads.find((t) => t.enabled)?.id ?? 0,
    );
    pct.learn(longer);
    expect(pct.stepsEstimate()).toBe(36);
    pct.learn(await engine.run(pct.next() ?? (() => 0)));
    expect(pct.stepsEstimate()).toBe(36);
    expect(pct.complete()).toBe(false);
  });

  it('finds the lost update, and each of its runs is a valid schedule', async () => {
    const engine = createModelEngine(lostUpdateModel(2, 3));
    const pct = createPct(11, 3);
    let failures = 0;
    for (let i = 0; i < 200; i++) {
      const run = await engine.run(pct.next() ?? (() => 0));
      pct.learn(run);
      if (run.report.outcome === 'check-failed') failures++;
    }
    // A depth-2 bug over k = 10 steps: PCT's bound is at least 1/(n·k) = 1/20 per run.
    expect(failures).toBeGreaterThanOrEqual(200 / 20 / 2);
  });
});
