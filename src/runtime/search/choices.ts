import type { StepView } from '../step';

/**
 * The threads a search strategy chooses among. A thread that can run now ('ready') always comes
 * before one whose only move is a time-out or the end of a sleep: automatic schedulers take those
 * only when nothing else can move (docs/programs.md, step mode). Ids ascend, so every strategy sees
 * the same order on the same view.
 */
export function choicesOf(view: StepView): number[] {
  const enabled = view.threads.filter((t) => t.enabled);
  const ready = enabled.filter((t) => t.status === 'ready');
  return (ready.length > 0 ? ready : enabled).map((t) => t.id).sort((a, b) => a - b);
}

/** The thread that took the last step, if any. */
export function lastThreadOf(view: StepView): number | undefined {
  return view.schedule[view.schedule.length - 1];
}

/**
 * A preemption is a switch away from a thread that could have gone on (CHESS, Musuvathi & Qadeer
 * 2007): picking `next` over the last thread while that thread is still among the choices. A switch
 * forced by blocking, sleeping or ending costs nothing.
 */
export function isPreemption(view: StepView, next: number): boolean {
  const last = lastThreadOf(view);
  return last !== undefined && next !== last && choicesOf(view).includes(last);
}

/** The non-preemptive choice: the last thread goes on while it can, else the lowest id. */
export function steadyChoiceOf(view: StepView): number {
  const choices = choicesOf(view);
  const last = lastThreadOf(view);
  if (last !== undefined && choices.includes(last)) return last;
  const first = choices[0];
  if (first === undefined) throw new Error('no thread can move: the run should have ended');
  return first;
}

/** How many preemptions a finished run took, from the view before each of its steps. */
export function preemptionsOf(schedule: readonly number[], views: readonly StepView[]): number {
  let count = 0;
  schedule.forEach((thread, i) => {
    const view = views[i];
    if (view && isPreemption(view, thread)) count++;
  });
  return count;
}
