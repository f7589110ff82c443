import {
  plannedScheduler,
  type PlannedScheduler,
  type StepRunResult,
  type StepView,
} from '../step';
import { choicesOf, isPreemption, lastThreadOf, steadyChoiceOf } from './choices';
import type { Strategy } from './strategy';

export const defaultPreemptionBound = 2;

/** One decision of the last run: the picks allowed there, and which one that run took. */
type Level = { options: number[]; index: number };

/**
 * The picks allowed at a step once `used` preemptions are spent: the non-preemptive pick first, so
 * the first run is the plain one, then every other thread while a preemption is still affordable.
 */
export function optionsOf(view: StepView, used: number, bound: number): number[] {
  const steady = steadyChoiceOf(view);
  const last = lastThreadOf(view);
  const choices = choicesOf(view);
  const lastCanGoOn = last !== undefined && choices.includes(last);
  if (lastCanGoOn && used >= bound) return [steady];
  return [steady, ...choices.filter((id) => id !== steady)];
}

/**
 * Exhaustive search with at most `bound` preemptions: a stateless depth-first search over the tree
 * of choices, replaying each run's prefix from the start (the program's state is never saved, only
 * the choices that led to it), as CHESS does with its preemption bound (Musuvathi & Qadeer, "Iterative
 * Context Bounding for Systematic Testing of Multithreaded Programs", PLDI 2007). After each run the
 * deepest decision with an untried option moves to that option; when none is left, every schedule
 * within the bound has run and `complete()` says so.
 *
 * The guarantee holds only if the program is deterministic under its schedule (step mode makes it so)
 * and no run was cut short by the step cap; either failure withdraws `complete`.
 */
export function createExhaustive(bound = defaultPreemptionBound): Strategy {
  const path: Level[] = [];
  let replayed = 0;
  let exhausted = false;
  let sound = true;
  let last: PlannedScheduler | null = null;

  // A run replays the path's choices, then goes on non-preemptively: every new decision takes its
  // first option, the steady pick. As a plan, the threads follow it themselves.
  const scheduler = (): PlannedScheduler =>
    (last = plannedScheduler({
      prefix: path.slice(0, replayed).map((level) => level.options[level.index] as number),
      check: 'choices',
      onDiverge: 'continue',
      then: 'steady',
    }));

  /** The decisions past the replayed path, with their options, from the run's views. */
  const extend = (run: StepRunResult) => {
    let used = 0;
    run.schedule.forEach((pick, depth) => {
      const view = run.views[depth];
      if (!view) return;
      if (depth >= replayed) path[depth] = { options: optionsOf(view, used, bound), index: 0 };
      if (isPreemption(view, pick)) used++;
    });
  };

  return {
    name: `exhaustive(preemptions≤${bound})`,
    next: () => (exhausted ? null : scheduler()),
    learn: (run: StepRunResult) => {
      if (run.report.outcome === 'timeout' || run.report.outcome === 'stopped') sound = false;
      // The same choices led somewhere else: the program is not deterministic here.
      if (run.diverged === true || last?.diverged()) sound = false;
      extend(run);
      path.length = Math.min(path.length, run.schedule.length);
      while (path.length > 0) {
        const level = path[path.length - 1];
        if (level && level.index + 1 < level.options.length) {
          level.index++;
          break;
        }
        path.pop();
      }
      replayed = path.length;
      exhausted = path.length === 0;
    },
    complete: () => exhausted && sound,
  };
}
