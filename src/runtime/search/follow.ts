import type { Scheduler, StepRunResult } from '../step';
import { steadyChoiceOf } from './choices';
import type { SearchEngine } from './strategy';

export type Follower = {
  scheduler: Scheduler;
  /** False once the schedule named a thread that could not move at its step. */
  followed(): boolean;
};

/**
 * Replays `schedule` step by step, then finishes the run non-preemptively (the last thread goes on
 * while it can), so that a prefix decides one whole run. An edited schedule may name a thread that
 * cannot move at that point (it blocks now, or has ended): the follower then gives up following,
 * finishes the run the steady way so the engine is left in a clean state, and `followed()` turns
 * false, which the shrinker reads as "does not reproduce". A run that ends (deadlocks, say) before the
 * schedule is used up has followed it: its own schedule is the part that ran.
 */
export function followSchedule(schedule: readonly number[]): Follower {
  let ok = true;
  return {
    scheduler: (view) => {
      const wanted = ok ? schedule[view.steps] : undefined;
      if (wanted === undefined) return steadyChoiceOf(view);
      if (view.threads.some((t) => t.id === wanted && t.enabled)) return wanted;
      ok = false;
      return steadyChoiceOf(view);
    },
    followed: () => ok,
  };
}

/** Replays a schedule on the engine: the run, or null when the schedule could not be followed. */
export const replayOn =
  (engine: SearchEngine) =>
  async (schedule: readonly number[]): Promise<StepRunResult | null> => {
    const follower = followSchedule(schedule);
    const run = await engine.run(follower.scheduler);
    return follower.followed() ? run : null;
  };
