import { describe, expect, it } from 'vitest';
import type { SearchOptions, SearchProgress } from '../contract-types';
import type { StepRunResult } from '../step';
import { preemptionsOf } from './choices';
import { replayOn } from './follow';
import { searchOptionsProblem, searchProgram } from './search-program';
import type { SearchEngine } from './strategy';
import {
  createModelEngine,
  lockCycleModel,
  lostUpdateModel,
  type ModelProgram,
} from './testing/model-engine';

const correctCounter: ModelProgram = {
  threads: [0, 1].map(() => [
    { op: 'acquire', object: 'lock' },
    { op: 'read', object: 'counter' },
    { op: 'write', object: 'counter' },
    { op: 'release', object: 'lock' },
  ]),
  shared: { counter: 0 },
  check: (s) => s.counter === 2 || `expected 2, got ${s.counter}`,
};

describe('searchProgram', () => {
  it.each([
    { strategy: undefined, program: lostUpdateModel(2, 3), outcome: 'check-failed' },
    { strategy: 'pct', program: lostUpdateModel(2, 3), outcome: 'check-failed' },
    { strategy: 'random', program: lostUpdateModel(2, 3), outcome: 'check-failed' },
    { strategy: 'exhaustive', program: lostUpdateModel(2, 3), outcome: 'check-failed' },
    { strategy: undefined, program: lockCycleModel(3, 2), outcome: 'deadlock' },
    { strategy: 'pct', program: lockCycleModel(3, 2), outcome: 'deadlock' },
  ] as const)(
    '$strategy finds the $outcome, shrunk, and its report is its replay',
    async ({ strategy, program, outcome }) => {
      const engine = createModelEngine(program);
      const result = await searchProgram(engine, { strategy, maxRuns: 500 });
      expect(result.found).toBe(true);
      expect(result.report?.outcome).toBe(outcome);
      expect(result.runs).toBeGreaterThan(0);
      expect(result.complete).toBeUndefined();
      const schedule = result.schedule ?? [];
      const replayed = await replayOn(createModelEngine(program))(schedule);
      expect(replayed?.report).toEqual(result.report);
      expect(preemptionsOf(schedule, replayed?.views ?? [])).toBeLessThanOrEqual(
        outcome === 'deadlock' ? 2 : 1,
      );
    },
  );

  it('ends a search over a correct program with found: false, and says when the bound was covered', async () => {
    const exhaustive = await searchProgram(createModelEngine(correctCounter), {
      strategy: 'exhaustive',
    });
    expect(exhaustive).toMatchObject({ found: false, complete: true });
    expect(exhaustive.schedule).toBeUndefined();
    expect(exhaustive.report).toBeUndefined();
    const pct = await searchProgram(createModelEngine(correctCounter), {
      strategy: 'pct',
      maxRuns: 200,
    });
    expect(pct).toMatchObject({ found: false, runs: 200 });
    expect(pct.complete).toBeUndefined();
    // The default probes once, sees a small program and covers it exhaustively.
    const auto = await searchProgram(createModelEngine(correctCounter));
    expect(auto).toMatchObject({
      found: false,
      complete: true,
      strategy: 'exhaustive(preemptions≤2)',
    });
  });

  it('chooses PCT with random walks for a program too big to cover', async () => {
    const big: ModelProgram = {
      threads: [0, 1, 2, 3].map(() => Array.from({ length: 30 }, () => ({ op: 'local' as const }))),
    };
    const result = await searchProgram(createModelEngine(big), { maxRuns: 50 });
    expect(result).toMatchObject({ found: false, runs: 50, strategy: 'pct(d=3)+random' });
  });

  it('spends no more than maxRuns, and stops at maxMs on its clock', async () => {
    const engine = createModelEngine(correctCounter);
    expect((await searchProgram(engine, { strategy: 'random', maxRuns: 7 })).runs).toBe(7);
    let clock = 0;
    const ticking: SearchEngine = { run: (s) => ((clock += 10), engine.run(s)) };
    const timed = await searchProgram(
      ticking,
      { strategy: 'random', maxMs: 95 },
      { now: () => clock },
    );
    expect(timed.runs).toBe(10);
    expect(timed.ms).toBe(100);
  });

  it('gives shrinking at least a second past the budget, and at most five', async () => {
    // Every model run costs 400 ms on this clock. T0 always dies at its last step, so the first run
    // fails, and shrinking has many long schedules to try.
    const dies: ModelProgram = {
      threads: [
        [
          ...Array.from({ length: 10 }, () => ({ op: 'local' as const })),
          { op: 'fail', message: 'boom' },
        ],
        Array.from({ length: 10 }, () => ({ op: 'local' as const })),
      ],
    };
    for (const [maxMs, shrinkMs] of [
      [100, 1_000],
      [60_000, 5_000],
    ] as const) {
      let clock = 0;
      const model = createModelEngine(dies);
      let foundAt = -1;
      const slow: SearchEngine = {
        run: async (s) => {
          clock += 400;
          const run = await model.run(s);
          if (foundAt < 0 && run.report.outcome !== 'ok') foundAt = clock;
          return run;
        },
      };
      const result = await searchProgram(
        slow,
        { strategy: 'random', maxMs },
        { now: () => clock, seed: 2 },
      );
      expect(result.found).toBe(true);
      expect(result.ms - foundAt).toBeGreaterThanOrEqual(shrinkMs);
      expect(result.ms - foundAt).toBeLessThan(shrinkMs + 400);
    }
  });

  it('reports progress after every run, then the best failing schedule while it shrinks', async () => {
    const progress: SearchProgress[] = [];
    const result = await searchProgram(
      createModelEngine(lostUpdateModel(2, 2)),
      { strategy: 'random' },
      { onProgress: (p) => progress.push(p), seed: 3 },
    );
    const runs = progress.filter((p) => !p.best).map((p) => p.runs);
    expect(runs).toEqual(Array.from({ length: result.runs }, (_, i) => i + 1));
    const best = progress.flatMap((p) => (p.best ? [p.best] : []));
    expect(best.length).toBeGreaterThan(0);
    expect(best.at(-1)).toEqual({ steps: result.schedule?.length, preemptions: 1 });
  });

  it('settles promptly when cancelled mid-run, with no report', async () => {
    const controller = new AbortController();
    let started = 0;
    const hanging: SearchEngine = {
      run: () => {
        started++;
        if (started === 3) controller.abort();
        // A run that never ends, as a program looping between two scheduling points would.
        return started < 3
          ? createModelEngine(correctCounter).run((v) => v.threads.find((t) => t.enabled)?.id ?? 0)
          : new Promise<StepRunResult>(() => {});
      },
    };
    const result = await searchProgram(
      hanging,
      { strategy: 'random' },
      { signal: controller.signal },
    );
    expect(result).toMatchObject({ found: false, runs: 2 });
    expect(result.report).toBeUndefined();
  });

  it('returns the unshrunk failure, genuinely replayed, when cancelled while shrinking', async () => {
    const controller = new AbortController();
    const model = createModelEngine(lostUpdateModel(2, 4));
    let failed = false;
    const engine: SearchEngine = {
      run: async (s) => {
        if (failed) controller.abort();
        const run = await model.run(s);
        failed ||= run.report.outcome !== 'ok';
        return run;
      },
    };
    const result = await searchProgram(
      engine,
      { strategy: 'random' },
      { signal: controller.signal, seed: 5 },
    );
    expect(result.found).toBe(true);
    const replayed = await replayOn(createModelEngine(lostUpdateModel(2, 4)))(
      result.schedule ?? [],
    );
    expect(replayed?.report).toEqual(result.report);
  });

  it.each([
    [{ strategy: 'dfs' }, /strategy must be/],
    [{ depth: 4 }, /depth must be a whole number from 1 to 3/],
    [{ depth: 1.5 }, /depth/],
    [{ preemptions: -1 }, /preemptions/],
    [{ maxRuns: 0 }, /maxRuns/],
    [{ maxMs: Number.NaN }, /maxMs/],
  ])('rejects %j with a sentence naming the problem', async (options, message) => {
    expect(searchOptionsProblem(options as SearchOptions)).toMatch(message);
    await expect(
      searchProgram(createModelEngine(correctCounter), options as SearchOptions),
    ).rejects.toThrow(message);
  });
});
