import type { Outcome, RunReport } from '../contract-types';

/** The outcomes a search looks for: a run that ends in any of them has found a bug. */
export const failingOutcomes: ReadonlySet<Outcome> = new Set([
  'check-failed',
  'deadlock',
  'stuck',
  'error',
]);

export const isFailure = (report: RunReport): boolean => failingOutcomes.has(report.outcome);

/**
 * How a run failed, as a string two runs share exactly when they failed the same way: the outcome,
 * and for a deadlock the set of objects in the cycle, for a stuck run the objects waited on, for
 * an error the messages. Values (what a check saw, how far a counter got) are left out: a shorter
 * schedule may lose a different number of updates and still be the same bug.
 */
export function signatureOf(report: RunReport): string {
  const set = (names: Iterable<string>) => [...new Set(names)].sort().join(',');
  switch (report.outcome) {
    case 'deadlock':
      return `deadlock:${set(report.deadlock?.cycle.map((e) => e.waitsFor) ?? [])}`;
    case 'stuck':
      return `stuck:${set(report.stuck?.waiting.map((w) => w.waitsFor) ?? [])}`;
    case 'error':
      return `error:${set(report.threads.flatMap((t) => (t.error ? [t.error.message] : [])))}`;
    default:
      return report.outcome;
  }
}
