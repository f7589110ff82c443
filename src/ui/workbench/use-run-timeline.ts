import { useEffect, useMemo, useState } from 'react';
import type { LiveLog } from '../../runtime/live-log';
import type { RunReport } from '../../runtime/contract-types';
import {
  finishedTimelineOf,
  LIVE_WINDOW_EVENTS,
  runTimelineOf,
  type RunTimeline,
} from './run-timeline';

/**
 * The timeline of the current or last run: its latest events while it runs (and at once when it
 * ends), then the whole run, derived off the main thread when it is large.
 */
export function useRunTimeline(
  log: LiveLog | null,
  report: RunReport | null,
  running: boolean,
  version: number,
): RunTimeline | null {
  const [whole, setWhole] = useState<{
    log: LiveLog;
    report: RunReport;
    timeline: RunTimeline;
  } | null>(null);
  const large = (log?.events.length ?? 0) > LIVE_WINDOW_EVENTS;
  const quick = useMemo(
    () => (log ? runTimelineOf(log, report, running || large) : null),
    // `version` changes whenever the log has new data: the log itself is mutable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [log, report, running, large, version],
  );
  useEffect(() => {
    if (!log || !report || running || !large) return;
    let current = true;
    void finishedTimelineOf(log, report).then((timeline) => {
      if (current) setWhole({ log, report, timeline });
    });
    return () => {
      current = false;
    };
  }, [log, report, running, large]);
  return whole && whole.log === log && whole.report === report ? whole.timeline : quick;
}
