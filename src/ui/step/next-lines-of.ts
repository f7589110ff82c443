import type { StepState } from '../../runtime/step/types';
import type { NextLine } from '../editor/next-lines';
import { pendingWords } from './step-words';

/** Each live thread's next line (where a deadlocked one is stuck, too), for the editor's highlights. */
export function nextLinesOf(step: StepState | null): NextLine[] {
  if (!step) return [];
  return step.threads.flatMap((t) =>
    t.pending?.line !== undefined && t.status !== 'done' && t.status !== 'error'
      ? [{ line: t.pending.line, thread: t.id, name: t.name, what: pendingWords(t) }]
      : [],
  );
}
