import type { Scheduler, StepRunResult } from '../step';

/** What the search needs of step mode: one whole run under a scheduler, on reused workers. */
export type SearchEngine = { run(scheduler: Scheduler): Promise<StepRunResult> };

/**
 * A search strategy: hands out one scheduler per run and learns from each finished run. Pure: it
 * never touches workers, so it is tested on recorded step views and a model engine.
 */
export type Strategy = {
  readonly name: string;
  /** The scheduler for the next run, or null when the strategy has nothing left to try. */
  next(): Scheduler | null;
  /** What the finished run taught it (its length, the choices it offered). */
  learn(run: StepRunResult): void;
  /** True once every schedule the strategy can produce has run (exhaustive only). */
  complete(): boolean;
};

/** A scheduler's pick among `choices` from a uniform random draw in [0, 1). */
export function pickUniform(choices: readonly number[], draw: number): number {
  const pick = choices[Math.min(choices.length - 1, Math.floor(draw * choices.length))];
  if (pick === undefined) throw new Error('no thread can move: the run should have ended');
  return pick;
}
