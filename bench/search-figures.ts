// Figures of the search (src/runtime/search): how many step-mode runs a second it manages, and how
// long it takes to find the lost update of two plain increments with no sleep.
import type { SearchResult } from '../src/runtime/contract-types';
import type { Session } from '../src/runtime/session';
import { measure, median, round, type Figure, type Figures } from './figure';

/**
 * Two threads of 20 steps each (start, 4 × acquire / read / write / release, 2 adds, end), correct,
 * so the search never stops early: every run of the budget is one whole 40-step run.
 */
const FORTY_STEPS = `
const counter = new SharedInt(0);
const done = new SharedInt(0);
const lock = new Lock();
export const threads = 2;
export function thread(id) {
  for (let i = 0; i < 4; i++) {
    lock.acquire();
    counter.value = counter.value + 1;
    lock.release();
  }
  done.add(1);
  done.add(1);
}
export function check() {
  return counter.value === 8 || \`expected 8, got \${counter.value}\`;
}
`;

const LOST_UPDATE = `
const counter = new SharedInt(0);
export const threads = 2;
export function thread(id) {
  counter.value = counter.value + 1;
}
export function check() {
  return counter.value === 2 || \`expected 2, got \${counter.value}\`;
}
`;

const searchCode = (session: Session, code: string, options: Parameters<Session['search']>[1]) =>
  session.search({ v: 1, demo: 'scratch', code }, options);

/** Random-walk runs per second over a correct 2-thread, 40-step program (median of 5 searches). */
async function runsPerSecond(session: Session): Promise<Figure> {
  await searchCode(session, FORTY_STEPS, { strategy: 'random', maxRuns: 10 });
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const result = await searchCode(session, FORTY_STEPS, { strategy: 'random', maxRuns: 60 });
    if (result.found) throw new Error(`a correct program failed: ${result.report?.outcome}`);
    samples.push(result.runs / (result.ms / 1000));
  }
  session.update({ demo: 'scratch', code: FORTY_STEPS, mode: 'step' });
  const steps = (await session.run()).schedule?.length;
  const value = round(median(samples), 1);
  return {
    value,
    unit: 'count',
    budget: '≥ 50',
    pass: value >= 50,
    per: 'second',
    stepsPerRun: steps,
    samples: samples.map((s) => round(s, 1)),
  };
}

/** Time until the default search returns the shrunk lost update (median of 5 searches). */
async function lostUpdateMs(session: Session): Promise<Figure> {
  const results: SearchResult[] = [];
  for (let i = 0; i < 5; i++) {
    const result = await searchCode(session, LOST_UPDATE, {});
    if (!result.found || result.report?.outcome !== 'check-failed')
      throw new Error(`the lost update was not found (${result.runs} runs)`);
    results.push(result);
  }
  const value = round(median(results.map((r) => r.ms)), 1);
  return {
    value,
    unit: 'ms',
    budget: '< 2000',
    pass: value < 2000,
    runs: results.map((r) => r.runs),
    samplesMs: results.map((r) => r.ms),
    strategy: results[0]?.strategy,
    shrunkSteps: results[0]?.schedule?.length,
  };
}

export async function searchFigures(
  session: Session,
  wanted: (name: string) => boolean,
): Promise<Figures> {
  const figures: Figures = {};
  if (wanted('search-runs-per-second'))
    await measure(figures, 'search-runs-per-second', 'count', '≥ 50', () => runsPerSecond(session));
  if (wanted('search-lost-update-ms'))
    await measure(figures, 'search-lost-update-ms', 'ms', '< 2000', () => lostUpdateMs(session));
  return figures;
}
