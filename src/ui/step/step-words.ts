import type { Outcome, RunReport, SearchResult } from '../../runtime/contract-types';
import type { StepThread } from '../../runtime/step/types';

/** What a thread does next, as a lane or a highlight says it: "read counter, line 8". */
export function pendingWords(thread: Pick<StepThread, 'pending' | 'status'>): string {
  const pending = thread.pending;
  if (!pending) return thread.status === 'done' ? 'done' : thread.status;
  const what = pending.object ? `${pending.op} ${pending.object}` : pending.op;
  return pending.line === undefined ? what : `${what}, line ${pending.line}`;
}

/**
 * The thread a guided "Step" moves next: the guide's next entry while the steps taken so far
 * follow it; undefined once they leave it or reach its end (the learner is on their own).
 */
export function nextInGuide(
  guide: readonly number[] | null,
  schedule: readonly number[],
): number | undefined {
  if (!guide || schedule.length >= guide.length) return undefined;
  return schedule.every((thread, i) => guide[i] === thread) ? guide[schedule.length] : undefined;
}

const FAILURE: Record<Exclude<Outcome, 'ok' | 'stopped' | 'timeout'>, string> = {
  'check-failed': 'the check fails',
  deadlock: 'the threads deadlock',
  stuck: 'the threads get stuck',
  error: 'a thread throws',
};

/** How a failing outcome reads in a sentence ("the check fails"); null for the others. */
export function failureWords(outcome: Outcome): string | null {
  return outcome in FAILURE ? FAILURE[outcome as keyof typeof FAILURE] : null;
}

const runs = (n: number) => `${n} ${n === 1 ? 'run' : 'runs'}`;
const steps = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What a finished search says: what it found and in how many runs, or exactly what it covered. */
export function searchSentence(result: SearchResult): string {
  if (result.found && result.schedule && result.report) {
    const what = failureWords(result.report.outcome) ?? `the run ends as ${result.report.outcome}`;
    return (
      `Found it in ${runs(result.runs)} (${seconds(result.ms)}): ${what} after ` +
      `${steps(result.schedule.length)}. The run below is paused at step 0: step through it, or play it.`
    );
  }
  const strategy = result.strategy;
  const bound = /preemptions≤(\d+)/.exec(strategy)?.[1];
  if (result.complete && bound !== undefined)
    return (
      `No failure: all ${runs(result.runs)} covered every schedule with at most ${bound} ` +
      `preemption${bound === '1' ? '' : 's'} (${seconds(result.ms)}), for these knobs. ` +
      'A bug that needs more preemptions, other knobs or more threads could still be there.'
    );
  return (
    `No failure in ${runs(result.runs)} (${seconds(result.ms)}, strategy ${strategy}). ` +
    'That is evidence, not proof: the search did not cover every schedule.'
  );
}

/**
 * What the challenge says once the learner's own schedule ends: whether it broke the program,
 * and how its length compares with the search's shrunk schedule (when a search found one).
 */
export function challengeSentence(
  report: Pick<RunReport, 'outcome'>,
  learnerSteps: number,
  searchSteps: number | null,
): string {
  const what = failureWords(report.outcome);
  if (!what)
    return `Not broken this time: the run ended ${report.outcome}. Press Restart and try another order.`;
  const yours = `You broke it: ${what} after ${steps(learnerSteps)}.`;
  if (searchSteps === null)
    return `${yours} Press Find the bug to compare with the search's schedule.`;
  if (learnerSteps === searchSteps) return `${yours} The search's shortest schedule has as many.`;
  const diff = Math.abs(learnerSteps - searchSteps);
  return learnerSteps > searchSteps
    ? `${yours} The search's shrunk schedule needs ${diff} fewer (${steps(searchSteps)}).`
    : `${yours} That is ${diff} fewer than the search's shrunk schedule (${steps(searchSteps)}).`;
}
