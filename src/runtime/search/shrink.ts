import type { StepRunResult } from '../step';
import { isPreemption, preemptionsOf } from './choices';
import { signatureOf } from './outcome';

/**
 * Runs the program along `schedule` (then finishes it non-preemptively) and returns the run, or null
 * when the schedule could not be followed (it named a thread that could not move).
 */
export type Replay = (schedule: readonly number[]) => Promise<StepRunResult | null>;

export type ShrinkOptions = {
  /** Replays the shrinker may spend; it returns the best schedule found so far when they run out. */
  maxReplays?: number;
  signal?: AbortSignal;
  /** True once shrinking has had its time: it then returns the best schedule found so far. */
  expired?: () => boolean;
  /** Called with each smaller failing run as it is found. */
  onSmaller?: (run: StepRunResult) => void;
};

export const defaultShrinkReplays = 80;

/**
 * Dropping steps helps only where a run's length can change (a spin loop, an early deadlock); in a
 * program whose every run takes the same steps, no drop ever helps. After this many drops in a row
 * that did not, the shrinker stops trying.
 */
export const futileDropsToGiveUp = 16;

/** Shrinking order: fewer preemptions first, then fewer steps. */
const costOf = (run: StepRunResult) => ({
  preemptions: preemptionsOf(run.schedule, run.views),
  steps: run.schedule.length,
});

/** How a candidate compares: kept only if strictly simpler and never longer. */
function compare(candidate: StepRunResult, best: StepRunResult): 'simpler' | 'same' | 'worse' {
  const c = costOf(candidate);
  const b = costOf(best);
  if (c.steps > b.steps || c.preemptions > b.preemptions) return 'worse';
  return c.preemptions < b.preemptions || c.steps < b.steps ? 'simpler' : 'same';
}

const preemptionStepsOf = (run: StepRunResult): number[] =>
  run.schedule.flatMap((thread, i) => {
    const view = run.views[i];
    return i > 0 && view && isPreemption(view, thread) ? [i] : [];
  });

/** Edits that remove the preemption at step `i`: stop preempting there (the steady finish lets
 * the preempted thread go on), or move that thread's next step forward to `i`. */
function preemptionEdits(schedule: readonly number[], i: number): number[][] {
  const edits = [schedule.slice(0, i)];
  const preempted = schedule[i - 1];
  const j = schedule.indexOf(preempted ?? -1, i);
  if (preempted !== undefined && j > i) {
    edits.push([
      ...schedule.slice(0, i),
      preempted,
      ...schedule.slice(i, j),
      ...schedule.slice(j + 1),
    ]);
  }
  return edits;
}

/** Edits that drop steps: every chunk of each size from half the schedule down to one step. */
function* stepEdits(schedule: readonly number[]): Generator<number[]> {
  for (let size = Math.floor(schedule.length / 2); size >= 1; size = Math.floor(size / 2)) {
    for (let start = 0; start + size <= schedule.length; start += size) {
      yield [...schedule.slice(0, start), ...schedule.slice(start + size)];
    }
  }
}

/**
 * Shrinks a failing run while it still fails the same way (the same `signatureOf`): first fewer
 * preemptions (context switches that blocking did not force), then fewer steps. Every kept
 * candidate was replayed and failed the same way, and none is longer than the run it replaced, so
 * the result is never longer than the input and its schedule replays to its report. The idea is
 * delta debugging's (Zeller & Hildebrandt 2002) applied to schedules, as systematic testers do
 * before showing a trace; edits that make the schedule unfollowable count as not reproducing.
 */
export async function shrinkRun(
  failing: StepRunResult,
  replay: Replay,
  options: ShrinkOptions = {},
): Promise<StepRunResult> {
  const signature = signatureOf(failing.report);
  let budget = options.maxReplays ?? defaultShrinkReplays;
  let best = failing;

  const seen = new Set([failing.schedule.join()]);
  /** Replays an edit: 'simpler' (and kept), a same-cost run that still fails the same way, or null. */
  const tryEdit = async (schedule: number[]): Promise<'simpler' | StepRunResult | null> => {
    if (spent()) return null;
    budget--;
    const run = await replay(schedule);
    if (!run || signatureOf(run.report) !== signature || seen.has(run.schedule.join())) return null;
    const verdict = compare(run, best);
    if (verdict === 'worse') return null;
    seen.add(run.schedule.join());
    if (verdict === 'same') return run;
    best = run;
    options.onSmaller?.(run);
    return 'simpler';
  };
  const spent = () =>
    budget <= 0 || options.signal?.aborted === true || options.expired?.() === true;

  // Fewer preemptions. When no edit removes one outright, take a sideways step (an equally costly
  // schedule not seen before): moving a preempted thread's step forward often lines up a switch
  // that the next pass can then drop.
  for (let moved = true; moved && !spent();) {
    moved = false;
    let sideways: StepRunResult | null = null;
    for (const i of preemptionStepsOf(best)) {
      for (const edit of preemptionEdits(best.schedule, i)) {
        const outcome = await tryEdit(edit);
        if (outcome === 'simpler') moved = true;
        else if (outcome && !sideways) sideways = outcome;
        if (moved || spent()) break;
      }
      if (moved || spent()) break;
    }
    if (!moved && sideways) {
      best = sideways;
      moved = true;
    }
  }

  // Fewer steps: drop chunks of the schedule, halving their size, while a drop still fails the same way.
  let futile = 0;
  for (let moved = true; moved && !spent() && futile < futileDropsToGiveUp;) {
    moved = false;
    for (const edit of stepEdits(best.schedule)) {
      if ((await tryEdit(edit)) === 'simpler') moved = true;
      futile = moved ? 0 : futile + 1;
      if (moved || spent() || futile >= futileDropsToGiveUp) break;
    }
  }
  return best;
}
