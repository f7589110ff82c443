import { describe, expect, it } from 'vitest';
import { candidatesOf } from './hand-off';
import { decide, HAND_BACK, PlanState, type Candidates, type Plan } from './plan';
import { Readiness } from './readiness';

const { no, ready, due, timed } = Readiness;

/** Candidates from each thread's readiness (deadlines by id: 10 ms apart). */
const of = (...readiness: Readiness[]): Candidates =>
  candidatesOf(readiness, (id) => 100 + 10 * id);

describe('candidates', () => {
  it.each([
    { name: 'ready and due move now', r: [ready, due, timed], auto: [0, 1], choices: [0] },
    {
      name: 'time-outs only when nothing else can move',
      r: [no, timed, timed],
      auto: [1],
      choices: [1],
    },
    {
      name: 'a due sleeper is no choice while a thread is ready',
      r: [due, ready],
      auto: [0, 1],
      choices: [1],
    },
    { name: 'nothing can move', r: [no, no], auto: [], choices: [] },
  ])('$name', ({ r, auto, choices }) => {
    const c = of(...r);
    expect(c.auto).toEqual(auto);
    expect(c.choices).toEqual(choices);
    expect(c.manual).toEqual(r.flatMap((x, id) => (x === no ? [] : [id])));
  });
});

describe('a plan’s decisions', () => {
  const run = (plan: Plan, steps: Candidates[]) => {
    const state = PlanState.local(plan);
    const picks: number[] = [];
    steps.forEach((c, step) => picks.push(decide(state, c, step, picks.at(-1) ?? -1)));
    return { picks, diverged: state.diverged };
  };

  it('replays its prefix, then follows its policy', () => {
    const c = of(ready, ready);
    expect(run({ prefix: [1, 0, 1], then: 'steady' }, [c, c, c, c, c]).picks).toEqual([
      1, 0, 1, 1, 1,
    ]);
  });

  it('hands the learner’s steps back, and refuses a prefix step it cannot take without a mark', () => {
    expect(run({ prefix: [0], then: 'pause' }, [of(ready), of(ready)]).picks).toEqual([
      0,
      HAND_BACK,
    ]);
    const refused = run({ prefix: [1], onDiverge: 'refuse', then: 'random' }, [of(ready, no)]);
    expect(refused).toEqual({ picks: [HAND_BACK], diverged: false });
  });

  it('goes on with its policy after a divergence when asked to, and says so', () => {
    const c = of(ready, no);
    expect(run({ prefix: [1, 1], onDiverge: 'continue', then: 'steady' }, [c, c])).toEqual({
      picks: [0, 0],
      diverged: true,
    });
  });

  it.each([
    { check: 'manual', allowed: true },
    { check: 'auto', allowed: false },
    { check: 'choices', allowed: false },
  ] as const)(
    'a $check prefix may name a sleeper that only time can wake: $allowed',
    ({ check, allowed }) => {
      const { diverged } = run({ prefix: [1], check, onDiverge: 'continue', then: 'steady' }, [
        of(ready, timed),
      ]);
      expect(diverged).toBe(!allowed);
    },
  );

  it('draws the seeded scheduler’s stream: the same seed, the same picks; another, others', () => {
    const c = of(ready, ready, ready);
    const steps = Array.from({ length: 40 }, () => c);
    const picks = (seed: number) => run({ then: 'random', seed }, steps).picks;
    expect(picks(5)).toEqual(picks(5));
    expect(picks(5)).not.toEqual(picks(6));
    expect(new Set(picks(5))).toEqual(new Set([0, 1, 2]));
  });

  it('knows which threads a replay steps again (their pending ops are not shown)', () => {
    const state = PlanState.local({ prefix: [0, 1, 0, 2], then: 'pause' });
    expect([0, 1, 2, 3].map((id) => state.stepsAgain(id, 2))).toEqual([true, false, true, false]);
    expect([0, 1, 2].map((id) => state.stepsAgain(id, 4))).toEqual([false, false, false]);
  });
});
