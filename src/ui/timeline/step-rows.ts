import type { StepTimelineModel } from './step-model';

// The event table of a step run: one row per step (and per stretch a thread could not move), in
// step order, as the words it shows. The step timeline's text alternative.

export type StepRow = {
  key: string;
  /** "7", or "3–5" for a wait. */
  step: string;
  thread: string;
  /** "read 5", "acquire lockA", or "waiting". */
  operation: string;
  object: string;
  /** A lost update's sentence, or why the thread waited; '' otherwise. */
  details: string;
};

/** The rows of `thread` (every thread when null), by step, then thread. */
export function stepRowsOf(model: StepTimelineModel, thread: number | null): StepRow[] {
  const rows: (StepRow & { at: number; lane: number })[] = [];
  for (const lane of model.lanes) {
    const id = lane.thread.id;
    if (thread !== null && id !== thread) continue;
    for (const cell of lane.cells)
      rows.push({
        key: `s${cell.step}`,
        at: cell.step,
        lane: id,
        step: String(cell.step),
        thread: lane.thread.name,
        operation: cell.label,
        object: cell.object,
        details: cell.lost ? `lost update: ${cell.lost}` : '',
      });
    for (const wait of lane.waits) {
      const to = Math.min(wait.toStep, model.steps);
      rows.push({
        key: `w${id}:${wait.fromStep}`,
        at: wait.fromStep,
        lane: id,
        step:
          wait.fromStep > model.steps
            ? 'now'
            : wait.toStep > model.steps
              ? `${wait.fromStep}–now`
              : wait.fromStep === to
                ? String(to)
                : `${wait.fromStep}–${to}`,
        thread: lane.thread.name,
        operation: 'waiting',
        object: '',
        details: wait.reason,
      });
    }
  }
  return rows
    .sort((a, b) => a.at - b.at || a.lane - b.lane)
    .map(({ at: _at, lane: _lane, ...row }) => row);
}
