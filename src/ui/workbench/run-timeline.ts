import type { LiveLog } from '../../runtime/live-log';
import type { RunReport } from '../../runtime/report';
import { EventKind } from '../../sync/kinds';
import { holdsOf, spansOf, wakeArrowsOf } from '../../trace/spans';
import { withTimes } from '../../trace/times';
import type { HoldSpan, StateSpan, TracedObject, TracedThread, WakeArrow } from '../../trace/types';
import type { TimelineMarker } from '../timeline/timeline-model';

/** Everything the timeline draws, derived from a run's log (and its report once it ended). */
export type RunTimeline = {
  threads: TracedThread[];
  objects: TracedObject[];
  spans: StateSpan[];
  holds: HoldSpan[];
  arrows: WakeArrow[];
  markers: TimelineMarker[];
  totalUs: number;
  highlight?: { threads: number[]; objects: number[] };
};

/** Derives the timeline from the events read so far; pure apart from reading the log. */
export function runTimelineOf(log: LiveLog, report: RunReport | null): RunTimeline {
  const events = withTimes(log.events);
  const lastUs = events.reduce((max, e) => Math.max(max, e.timeUs), 0);
  const totalUs = Math.max(lastUs, report ? report.wallMs * 1000 : 0, 1);
  const threads = log.threads.map(({ id, name }) => ({ id, name }));
  const markers: TimelineMarker[] = [];
  for (const e of events) {
    if (e.kind === EventKind.ThreadEnd && e.aux === 1) {
      const error = report?.threads.find((t) => t.id === e.thread)?.error;
      markers.push({
        thread: e.thread,
        atUs: e.timeUs,
        kind: 'error',
        label: error?.message ?? 'thread failed',
      });
    }
  }
  let highlight: RunTimeline['highlight'];
  if (report?.deadlock) {
    const names = new Map(log.objects.map((o) => [o.name, o.id]));
    highlight = {
      threads: report.deadlock.cycle.map((s) => s.thread),
      objects: report.deadlock.cycle.flatMap((s) => names.get(s.waitsFor) ?? []),
    };
    for (const step of report.deadlock.cycle) {
      markers.push({
        thread: step.thread,
        atUs: totalUs,
        kind: 'deadlock',
        label: `deadlock: waits for ${step.waitsFor}`,
      });
    }
  }
  if (report?.check && !report.check.passed) {
    markers.push({
      thread: 0,
      atUs: totalUs,
      kind: 'check-failed',
      label: report.check.message ?? 'check() failed',
    });
  }
  return {
    threads,
    objects: log.objects,
    spans: spansOf(
      events,
      threads.map((t) => t.id),
      totalUs,
    ),
    holds: holdsOf(events, totalUs),
    arrows: wakeArrowsOf(events),
    markers,
    totalUs,
    highlight,
  };
}
