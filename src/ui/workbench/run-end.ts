import type { RunReport } from '../../runtime/contract-types';
import { EventKind } from '../../sync/kinds';
import type { TraceEvent } from '../../trace/types';

// Outcomes reached when the last non-daemon thread ended (a deadlock, a hang, a stop or a timeout
// end the run while threads still live, and every event until then is part of it).
const ENDED_WITH_ITS_THREADS: ReadonlySet<string> = new Set(['ok', 'check-failed', 'error']);

/**
 * The events that belong to a finished run. A run that finished ends when its last non-daemon
 * thread ends (as in Python); daemon threads are cut off there, but their workers run on for a
 * moment before they are replaced, and the events they write meanwhile would stretch the
 * timeline past the end of the run. Other outcomes (and live runs) keep every event.
 */
export function eventsOfRun(
  events: readonly TraceEvent[],
  report: RunReport | null,
): readonly TraceEvent[] {
  if (!report || !ENDED_WITH_ITS_THREADS.has(report.outcome)) return events;
  // In sequence order, not time: untimed events (shared reads, writes) have no time to compare.
  let endSeq = -Infinity;
  for (const e of events) if (e.kind === EventKind.ThreadEnd) endSeq = Math.max(endSeq, e.seq);
  if (endSeq === -Infinity) return events;
  return events.filter((e) => e.seq <= endSeq);
}
