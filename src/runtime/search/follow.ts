import type { Scheduler } from '../step/types';
import { steadyChoiceOf } from './choices';

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
 * false, which the shrinker reads as "does not reproduce".
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
