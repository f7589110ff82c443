import type { StepRunResult } from '../step';
import { createExhaustive } from './exhaustive';
import { createPct } from './pct';
import { createRandomWalk } from './random-walk';
import type { Strategy } from './strategy';

/**
 * An upper estimate of the schedules with at most `bound` preemptions for `threads` threads over
 * `steps` steps: the first thread, then up to `bound` of the steps where a switch to one of the
 * other threads happens — n · Σ_{j ≤ c} C(k, j)·(n − 1)^j (CHESS's bound, Musuvathi & Qadeer 2007).
 */
export function scheduleEstimateOf(threads: number, steps: number, bound: number): number {
  let total = 0;
  let choose = 1;
  for (let j = 0; j <= bound; j++) {
    if (j > 0) choose = (choose * (steps - j + 1)) / j;
    total += choose * (threads - 1) ** j;
  }
  return threads * total;
}

/** PCT runs with a random walk every fourth run: the walk catches bugs PCT's priorities order away. */
export function createPctWithRandom(seed: number, depth: number): Strategy {
  const pct = createPct(seed, depth);
  const walk = createRandomWalk(seed + 1);
  let run = 0;
  return {
    name: `${pct.name}+random`,
    next: () => (++run % 4 === 0 ? walk : pct).next(),
    learn: (result) => pct.learn(result),
    complete: () => false,
  };
}

/**
 * The default: probe with one plain (non-preemptive) run, which is also the exhaustive search's
 * first run. If every schedule within the preemption bound fits in half the run budget, search them
 * all (a complete answer beats a probable one); otherwise PCT with depth 3 mixed with random walks,
 * since PCT at d = 3 found every bug the other techniques found in SCTBench (Thomson, Donaldson &
 * Betts, 2016).
 */
export function createAuto(options: {
  seed: number;
  depth: number;
  preemptions: number;
  maxRuns: number;
}): Strategy {
  const exhaustive = createExhaustive(options.preemptions);
  let chosen: Strategy | null = null;
  return {
    get name() {
      return chosen?.name ?? exhaustive.name;
    },
    next: () => (chosen ?? exhaustive).next(),
    learn: (run: StepRunResult) => {
      if (chosen) return chosen.learn(run);
      exhaustive.learn(run);
      const threads = Math.max(0, ...run.views.map((v) => v.threads.length));
      const estimate = scheduleEstimateOf(threads, run.schedule.length, options.preemptions);
      chosen =
        estimate <= options.maxRuns / 2
          ? exhaustive
          : createPctWithRandom(options.seed, options.depth);
      if (chosen !== exhaustive) chosen.learn(run);
    },
    complete: () => chosen?.complete() ?? false,
  };
}
