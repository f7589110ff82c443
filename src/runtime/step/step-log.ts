import { inMask, type StepBoard } from './board';
import type { StepView } from './types';

/**
 * Reads the steps the threads took and logged since the last read (and empties the log): the
 * thread of each, and, when `nameOf` is given, the view an automatic scheduler had before it,
 * rebuilt from the entry — which threads it could take (`enabled`) and which were ready, what the
 * search's strategies read. A thread that could not move shows as `blocked`; the clock is not kept.
 */
export function readLog(
  board: StepBoard,
  schedule: readonly number[],
  nameOf?: (id: number) => string,
): { threads: number[]; views: StepView[] } {
  const threads: number[] = [];
  const views: StepView[] = [];
  const i32 = board.i32;
  for (let k = 0; k < board.logged; k++) {
    const at = board.logEntry(k);
    if (nameOf) {
      const count = i32[at + 1] as number;
      const auto = { lo: i32[at + 2] as number, hi: i32[at + 3] as number };
      const ready = { lo: i32[at + 4] as number, hi: i32[at + 5] as number };
      const taken = [...schedule, ...threads];
      views.push({
        steps: taken.length,
        clockMs: 0,
        schedule: taken,
        threads: Array.from({ length: count }, (_, id) => ({
          id,
          name: nameOf(id),
          status: inMask(ready, id) ? ('ready' as const) : ('blocked' as const),
          enabled: inMask(auto, id),
        })),
      });
    }
    threads.push(i32[at] as number);
  }
  board.clearLog();
  return { threads, views };
}
