import { plannedScheduler, type Scheduler, type StepRunResult } from '../step';
import type { SearchEngine } from './strategy';

export type Follower = {
  scheduler: Scheduler;
  /** False once the schedule named a thread that could not move at its step (in views given to `scheduler`). */
  followed(): boolean;
};

/**
 * Replays `schedule` step by step, then finishes the run non-preemptively (the last thread goes on
 * while it can), so that a prefix decides one whole run. An edited schedule may name a thread that
 * cannot move at that point (it blocks now, or has ended): the follower then gives up following,
 * finishes the run the steady way so the engine is left in a clean state, and the run counts as
 * diverged, which the shrinker reads as "does not reproduce". A run that ends (deadlocks, say)
 * before the schedule is used up has followed it: its own schedule is the part that ran.
 */
export function followSchedule(schedule: readonly number[]): Follower {
  const scheduler = plannedScheduler({
    prefix: schedule,
    check: 'auto',
    onDiverge: 'continue',
    then: 'steady',
  });
  return { scheduler, followed: () => !scheduler.diverged() };
}

/** Replays a schedule on the engine: the run, or null when the schedule could not be followed. */
export const replayOn =
  (engine: SearchEngine) =>
  async (schedule: readonly number[]): Promise<StepRunResult | null> => {
    const follower = followSchedule(schedule);
    const run = await engine.run(follower.scheduler);
    // An engine that runs the plan in the threads reports the divergence with the run.
    return follower.followed() && run.diverged !== true ? run : null;
  };
