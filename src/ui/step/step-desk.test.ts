import { describe, expect, it } from 'vitest';
import type { SearchResult, State } from '../../runtime/contract-types';
import type { StepState } from '../../runtime/step/types';
import { StepDesk } from './step-desk';

/**
 * A session whose step run is a schedule: step(t) appends t (refusing thread 9, as a blocked
 * thread is refused), back() drops one, and each call resolves a tick later, as the real one does.
 */
function fakeSession(found: SearchResult = { found: false, runs: 3, ms: 5, strategy: 'pct' }) {
  let state: State = { v: 1, demo: 'race' };
  let schedule: number[] | null = null;
  const calls: string[] = [];
  const later = <T>(value: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(value());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 1),
    );
  const stepState = (): StepState | null =>
    schedule && { steps: schedule.length, clockMs: 0, schedule: [...schedule], threads: [] };
  const session = {
    state: () => structuredClone(state),
    update: (change: Partial<State>) => {
      state = { ...state, ...change };
      schedule = null;
    },
    openStepRun: () =>
      later(() => {
        schedule = [...(state.schedule ?? [])];
        calls.push(`open ${schedule.join('')}`);
        return stepState() as StepState;
      }),
    step: (thread?: number) =>
      later(() => {
        if (thread === 9) throw new Error('T9 cannot move: waits for lockB, held by T1');
        schedule?.push(thread ?? 0);
        calls.push(`step ${thread ?? 'auto'}`);
        return stepState() as StepState;
      }),
    back: () => later(() => (schedule?.pop(), stepState() as StepState)),
    run: () => later(() => ({ outcome: 'ok' }) as never),
    search: (searched: State) =>
      later(() => {
        calls.push(`search ${JSON.stringify(searched)}`);
        return found;
      }),
    stop: () => undefined,
    stepState,
  };
  return { session, calls, schedule: () => schedule, state: () => state };
}

describe('StepDesk', () => {
  it('takes quick presses in order, one step each', async () => {
    const fake = fakeSession();
    const desk = new StepDesk(fake.session);
    await desk.setMode('step');
    await Promise.all([desk.step(1), desk.step(0), desk.step(1), desk.back(), desk.step(0)]);
    expect(fake.schedule()).toEqual([1, 0, 0]);
    expect(desk.store.get().pending).toBe(0);
  });

  it('shows a refused step and clears it at the next success', async () => {
    const desk = new StepDesk(fakeSession().session);
    await desk.setMode('step');
    await desk.step(9);
    expect(desk.store.get().problem).toBe('T9 cannot move: waits for lockB, held by T1');
    await desk.step(1);
    expect(desk.store.get().problem).toBeNull();
  });

  it('a find opens the schedule at step 0, searched without step fields, then Step follows it', async () => {
    const fake = fakeSession({
      found: true,
      runs: 4,
      ms: 30,
      strategy: 'exhaustive(preemptions≤2)',
      schedule: [1, 0, 0, 1],
    });
    const desk = new StepDesk(fake.session);
    fake.session.update({ mode: 'step', schedule: [1, 1] });
    await desk.findBug();
    expect(fake.calls[0]).toBe('search {"v":1,"demo":"race"}');
    expect(fake.state()).toMatchObject({ mode: 'step', schedule: [] });
    expect(fake.schedule()).toEqual([]);
    await desk.stepAlong();
    await desk.stepAlong();
    expect(fake.schedule()).toEqual([1, 0]);
    await desk.step(1);
    await desk.stepAlong();
    expect(fake.schedule()).toEqual([1, 0, 1]);
  });

  it('play steps along the guide to its end', async () => {
    const fake = fakeSession({
      found: true,
      runs: 1,
      ms: 1,
      strategy: 'pct',
      schedule: [0, 1, 1],
    });
    const desk = new StepDesk(fake.session, 0);
    await desk.findBug();
    await desk.play();
    expect(fake.schedule()).toEqual([0, 1, 1]);
    expect(desk.store.get().playing).toBe(false);
  });

  it('switching to parallel clears the step fields and the guide', async () => {
    const fake = fakeSession();
    const desk = new StepDesk(fake.session);
    await desk.setMode('step');
    await desk.setMode('parallel');
    expect(fake.state().mode).toBeUndefined();
    expect(desk.store.get().guide).toBeNull();
  });

  it('remembers how many steps the learner chose before Run to end, and forgets it on Back', async () => {
    const desk = new StepDesk(fakeSession().session);
    await desk.setMode('step');
    await desk.step(1);
    await desk.step(0);
    await desk.runToEnd();
    expect(desk.store.get().handSteps).toBe(2);
    await desk.back();
    expect(desk.store.get().handSteps).toBeNull();
  });

  it('a search that finds nothing reopens the paused run where it was', async () => {
    const fake = fakeSession();
    const desk = new StepDesk(fake.session);
    await desk.setMode('step');
    await desk.step(1);
    fake.session.update({ schedule: [1] });
    await desk.findBug();
    expect(desk.store.get().search).toMatchObject({ kind: 'done', result: { found: false } });
    expect(fake.schedule()).toEqual([1]);
    expect(desk.store.get().guide).toBeNull();
  });
});
