import { describe, expect, it } from 'vitest';
import type { StepRunResult } from '../step';
import { preemptionsOf } from './choices';
import { followSchedule, replayOn } from './follow';
import { signatureOf } from './outcome';
import { createRandomWalk } from './random-walk';
import { futileDropsToGiveUp, shrinkRun } from './shrink';
import {
  createModelEngine,
  lockCycleModel,
  lostUpdateModel,
  type ModelOp,
  type ModelProgram,
} from './testing/model-engine';

/** The run of `schedule` on the model, which must follow it exactly. */
async function runOf(program: ModelProgram, schedule: number[]): Promise<StepRunResult> {
  const run = await replayOn(createModelEngine(program))(schedule);
  if (!run) throw new Error(`schedule ${schedule.join('')} cannot be followed`);
  return run;
}

const preemptions = (run: StepRunResult) => preemptionsOf(run.schedule, run.views);

describe('shrinking', () => {
  it.each([
    {
      name: 'a lost update to one preemption: T0 reads, T1 reads and writes, T0 writes',
      program: lostUpdateModel(2),
      failing: [0, 1, 0, 1],
      shrunk: [0, 1, 1, 0],
      preemptions: 1,
    },
    {
      name: 'a lost update behind padding, from seven preemptions to one',
      program: lostUpdateModel(2, 2),
      failing: [0, 1, 0, 1, 0, 1, 0, 1],
      shrunk: [0, 0, 0, 1, 1, 1, 1, 0],
      preemptions: 1,
    },
    {
      name: 'a lock cycle behind padding, from five preemptions to one',
      program: lockCycleModel(2, 2),
      failing: [0, 1, 0, 1, 0, 1],
      shrunk: [0, 0, 0, 1, 1, 1],
      preemptions: 1,
    },
    {
      // Every 1-preemption 3-lock cycle takes 6 steps; this one takes 3, and shorter wins over a
      // schedule longer than the input.
      name: 'a 3-lock cycle already minimal: each takes its first lock, in 3 steps',
      program: lockCycleModel(3),
      failing: [0, 1, 2],
      shrunk: [0, 1, 2],
      preemptions: 2,
    },
  ])('$name', async ({ program, failing, shrunk, preemptions: fewest }) => {
    const input = await runOf(program, failing);
    const result = await shrinkRun(input, replayOn(createModelEngine(program)));
    expect(result.schedule).toEqual(shrunk);
    expect(signatureOf(result.report)).toBe(signatureOf(input.report));
    expect(preemptions(result)).toBe(fewest);
    // The returned report is the replay of the returned schedule.
    const again = await runOf(program, result.schedule);
    expect(again.report).toEqual(result.report);
  });

  it('keeps the failure and never grows the schedule, over many failing runs', async () => {
    const programs = [
      lostUpdateModel(2, 1),
      lostUpdateModel(3),
      lockCycleModel(2),
      lockCycleModel(3),
    ];
    let shrunkAny = 0;
    for (const program of programs) {
      const engine = createModelEngine(program);
      const walk = createRandomWalk(17);
      for (let i = 0, failures = 0; i < 400 && failures < 10; i++) {
        const run = await engine.run(walk.next() ?? (() => 0));
        if (run.report.outcome === 'ok') continue;
        failures++;
        const result = await shrinkRun(run, replayOn(engine));
        expect(signatureOf(result.report)).toBe(signatureOf(run.report));
        expect(result.schedule.length).toBeLessThanOrEqual(run.schedule.length);
        expect(preemptions(result)).toBeLessThanOrEqual(preemptions(run));
        expect((await runOf(program, result.schedule)).report).toEqual(result.report);
        if (preemptions(result) < preemptions(run)) shrunkAny++;
      }
    }
    expect(shrunkAny).toBeGreaterThan(0);
  });

  it('reads "not the same failure" as not reproducing: a deadlock does not shrink into a lost update', async () => {
    // Both bugs in one program: T0 and T1 race on a counter, then take two locks in opposite orders.
    const program: ModelProgram = {
      threads: [0, 1].map((i) => [
        { op: 'read', object: 'counter' },
        { op: 'write', object: 'counter' },
        { op: 'acquire', object: `lock${i}` },
        { op: 'acquire', object: `lock${1 - i}` },
        { op: 'release', object: `lock${1 - i}` },
        { op: 'release', object: `lock${i}` },
      ]),
      shared: { counter: 0 },
      check: (s) => s.counter === 2 || 'lost',
    };
    const input = await runOf(program, [0, 1, 0, 1, 0, 1]);
    expect(input.report.outcome).toBe('deadlock');
    const result = await shrinkRun(input, replayOn(createModelEngine(program)));
    expect(result.report.outcome).toBe('deadlock');
    expect(preemptions(result)).toBe(1);
  });

  it('treats a schedule that cannot be followed as not reproducing', async () => {
    // After T0 takes both locks, T1 cannot take lock1: the follower gives up and finishes steadily.
    const program = lockCycleModel(2);
    const follower = followSchedule([0, 0, 1, 0]);
    const run = await createModelEngine(program).run(follower.scheduler);
    expect(follower.followed()).toBe(false);
    expect(run.schedule).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(await replayOn(createModelEngine(program))([0, 0, 1, 0])).toBeNull();
    // T0 releases lock1 first: now T1 can take it.
    expect((await replayOn(createModelEngine(program))([0, 0, 0, 1]))?.schedule).toEqual([
      0, 0, 0, 1, 0, 1, 1, 1,
    ]);
  });

  it('counts a run that ends before the schedule does as followed (a failure can come early)', async () => {
    const follower = followSchedule([0, 1, 1, 1]);
    const run = await createModelEngine(lockCycleModel(2)).run(follower.scheduler);
    expect(run.report.outcome).toBe('deadlock');
    expect(run.schedule).toEqual([0, 1]);
    expect(follower.followed()).toBe(true);
  });

  it('stops dropping steps after a run of drops that did not help', async () => {
    // T0 always dies: the plain run fails with no preemption, and every run takes 21 steps.
    const dies: ModelProgram = {
      threads: [
        [
          ...Array.from({ length: 10 }, (): ModelOp => ({ op: 'local' })),
          { op: 'fail', message: 'boom' },
        ],
        Array.from({ length: 10 }, (): ModelOp => ({ op: 'local' })),
      ],
    };
    const input = await runOf(dies, []);
    expect(preemptions(input)).toBe(0);
    const engine = createModelEngine(dies);
    expect(await shrinkRun(input, replayOn(engine))).toBe(input);
    expect(engine.runs).toBe(futileDropsToGiveUp);
  });

  it('returns its input when no edit reproduces, and spends no more replays or time than allowed', async () => {
    const input = await runOf(lostUpdateModel(2, 2), [0, 1, 0, 1, 0, 1, 0, 1]);
    let replays = 0;
    const never = async () => (replays++, null);
    expect(await shrinkRun(input, never, { maxReplays: 5 })).toBe(input);
    expect(replays).toBe(5);
    replays = 0;
    expect(await shrinkRun(input, never, { expired: () => replays >= 3 })).toBe(input);
    expect(replays).toBe(3);
    const controller = new AbortController();
    controller.abort();
    const engine = createModelEngine(lostUpdateModel(2, 2));
    expect(await shrinkRun(input, replayOn(engine), { signal: controller.signal })).toBe(input);
    expect(engine.runs).toBe(0);
  });
});
