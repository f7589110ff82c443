import { plannedScheduler, type Scheduler, type StepRunResult } from '../step';
import { seededRandom } from '../worker/kernel';
import { seedOf } from './random-walk';
import type { Strategy } from './strategy';

/**
 * PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, "A Randomized
 * Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010). Each run gives the threads
 * random distinct priorities and always steps the highest-priority thread that can move; at d − 1
 * random change points the thread about to step drops below every other. A bug of depth d (d
 * ordering constraints) is then found with probability at least 1/(n·k^(d−1)) per run, for n
 * threads and k steps.
 */
export const maxPctDepth = 3;

/** k before any run has been seen: a guess at a small program's length, replaced after one run. */
export const firstStepsGuess = 32;

/** d − 1 distinct change points, each a 1-based step number in [1, k] (fewer when k < d − 1). */
export function changePointsOf(random: () => number, depth: number, steps: number): number[] {
  const wanted = Math.min(Math.max(depth - 1, 0), Math.max(steps, 0));
  const points = new Set<number>();
  while (points.size < wanted) points.add(1 + Math.floor(random() * steps));
  return [...points].sort((a, b) => a - b);
}

/**
 * One PCT run's scheduler, drawing from `random`. Priorities live in one list, highest first; a
 * thread seen for the first time gets a random place among those not yet lowered (threads started
 * mid-run, as the paper's analysis assumes, are as likely to get any initial priority). At a change
 * point the thread that would step is moved to the very end, below the ones lowered before it:
 * priority d − i for the i-th change point. (The step plan's `pct` is this algorithm: ../step/plan.ts.)
 */
export function pctScheduler(random: () => number, changePoints: readonly number[]): Scheduler {
  return plannedScheduler({ then: 'pct', changePoints }, random);
}

/** PCT over a whole search: k is the longest run seen so far (a first guess before any run). */
export function createPct(seed: number, depth: number): Strategy & { stepsEstimate(): number } {
  const d = Math.min(Math.max(Math.round(depth), 1), maxPctDepth);
  const random = seededRandom(seed, 0x9c7);
  let steps = firstStepsGuess;
  let seen = false;
  return {
    name: `pct(d=${d})`,
    // Each run is a plan with its own seed, which the threads follow themselves.
    next: () =>
      plannedScheduler({
        then: 'pct',
        changePoints: changePointsOf(random, d, steps),
        seed: seedOf(random()),
      }),
    learn: (run: StepRunResult) => {
      steps = seen ? Math.max(steps, run.schedule.length) : Math.max(run.schedule.length, 1);
      seen = true;
    },
    complete: () => false,
    stepsEstimate: () => steps,
  };
}
