import type { Session } from '../../runtime/session';
import { runTimelineOf } from '../workbench/run-timeline';
import { compactRecording } from './compact-recording';
import type { Recording } from './recording';

/**
 * The session's last finished run as a shippable recording (scripts/record-runs.mjs calls this
 * through the page), or null before any run has finished.
 */
export function recordingOf(session: Session): Recording | null {
  const log = session.log;
  const report = session.lastReport();
  if (!log || !report || session.running) return null;
  // The highlight is derived again from the report when the recording is replayed; lost
  // updates (a marker each, possibly hundreds) stay out of the recording format.
  const {
    highlight: _highlight,
    lostUpdates: _lostUpdates,
    ...timeline
  } = runTimelineOf(log, report);
  return compactRecording({
    v: 1,
    demo: session.state().demo,
    params: session.params(),
    report,
    ...timeline,
    markers: timeline.markers.filter((m) => m.kind !== 'lost-update'),
  });
}
