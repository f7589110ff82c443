import { transfer, wrap } from 'comlink';
import type { LiveLog } from '../../runtime/live-log';
import type { RunReport } from '../../runtime/contract-types';
import { EventKind } from '../../sync/kinds';
import { holdsOf, spansOf, wakeArrowsOf } from '../../trace/spans';
import { withTimes } from '../../trace/times';
import type { TimedEvent, TraceEvent } from '../../trace/types';
import { lostUpdateEventsOf, type LostUpdateEvent } from '../../trace/lost-updates';
import { isValueEvent } from '../../trace/value-events';
import { lostUpdateSentence } from '../timeline/step-model';
import type { TimelineProps } from '../timeline/Timeline';
import type { TimelineMarker } from '../timeline/timeline-model';
import { eventsOfRun } from './run-end';
import { packEvents } from '../../trace/event-packing';
import { unpackTimeline } from './timeline-packing';
import type { TimelineWorkerApi } from './timeline.worker';

/**
 * Everything the timeline draws, derived from a run's log (and its report once it ended), and the
 * shared reads and writes with their times, for the event table and the trace export.
 */
export type RunTimeline = Omit<TimelineProps, 'live' | 'onSelect' | 'theme'> & {
  /** Absent in recordings made before reads and writes were traced. */
  values?: TimedEvent[];
  /** The lost updates among `values`, each also a marker on its stale write. */
  lostUpdates?: LostUpdateEvent[];
};

/**
 * Deriving costs time in proportion to the events. Live, a few times a second, only the latest events are
 * derived (the live view follows the end anyway); a finished run larger than this is derived
 * whole in a worker, so the page never has a long task.
 */
export const LIVE_WINDOW_EVENTS = 5_000;

/** Derives the timeline on the page: the whole log, or with `live` its latest events. */
export function runTimelineOf(log: LiveLog, report: RunReport | null, live = false): RunTimeline {
  const events = live ? log.events.slice(-LIVE_WINDOW_EVENTS) : eventsOfRun(log.events, report);
  const frame = frameOf(log, report, events);
  const timed = withTimes(events);
  const ids = frame.threads.map((t) => t.id);
  return withLostUpdates({
    ...frame,
    spans: spansOf(timed, ids, frame.totalUs),
    holds: holdsOf(timed, frame.totalUs),
    arrows: wakeArrowsOf(timed),
    values: timed.filter(isValueEvent),
  });
}

/** Marks each of the timeline's lost updates (found here unless given) on its stale write. */
export function withLostUpdates(
  timeline: RunTimeline,
  found?: readonly LostUpdateEvent[],
): RunTimeline {
  const values = timeline.values ?? [];
  const lostUpdates = [...(found ?? lostUpdateEventsOf(values, timeline.objects))];
  if (lostUpdates.length === 0) return timeline;
  const names = new Map(timeline.threads.map((t) => [t.id, t.name]));
  const nameOf = (id: number) => names.get(id) ?? `T${id}`;
  const stale = new Set(lostUpdates.map((lost) => lost.seq));
  const timeOf = new Map<number, number | null>();
  for (const e of values) if (stale.has(e.seq)) timeOf.set(e.seq, e.timeUs);
  const markers: TimelineMarker[] = lostUpdates.map((lost) => ({
    thread: lost.thread,
    atUs: timeOf.get(lost.seq) ?? timeline.totalUs,
    kind: 'lost-update',
    label: `lost update: ${lostUpdateSentence(lost, nameOf)}`,
  }));
  return { ...timeline, lostUpdates, markers: [...timeline.markers, ...markers] };
}

let worker: ReturnType<typeof wrap<TimelineWorkerApi>> | null = null;

/** The whole finished run's timeline, derived in a worker when it is large. */
export async function finishedTimelineOf(log: LiveLog, report: RunReport): Promise<RunTimeline> {
  if (log.events.length <= LIVE_WINDOW_EVENTS) return runTimelineOf(log, report);
  // Each stage in a task of its own, after the render that asked for it: on a busy machine (the
  // run's last threads still winding down) the stages together made the page's longest task.
  await nextTask();
  const events = eventsOfRun(log.events, report);
  const frame = frameOf(log, report, events);
  await nextTask();
  worker ??= wrap<TimelineWorkerApi>(
    new Worker(new URL('./timeline.worker.ts', import.meta.url), { type: 'module' }),
  );
  const packed = packEvents(events);
  const derived = await worker.derive(
    transfer(packed, [packed.buffer]),
    frame.threads.map((t) => t.id),
    frame.totalUs,
    frame.objects,
  );
  return withLostUpdates({ ...frame, ...unpackTimeline(derived.packed) }, derived.lostUpdates);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The parts of the timeline that are not spans: lanes, objects, markers, the run's length. */
function frameOf(
  log: LiveLog,
  report: RunReport | null,
  events: readonly TraceEvent[],
): Omit<RunTimeline, 'spans' | 'holds' | 'arrows' | 'values'> {
  let lastUs = 0;
  for (const e of events) if (e.timeUs !== null && e.timeUs > lastUs) lastUs = e.timeUs;
  const totalUs = Math.max(lastUs, report ? report.wallMs * 1000 : 0, 1);
  const markers: TimelineMarker[] = [];
  for (const e of events) {
    if (e.kind === EventKind.ThreadEnd && e.aux === 1) {
      const error = report?.threads.find((t) => t.id === e.thread)?.error;
      markers.push({
        thread: e.thread,
        atUs: e.timeUs ?? totalUs,
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
    threads: log.threads.map(({ id, name }) => ({ id, name })),
    objects: log.objects,
    markers,
    totalUs,
    highlight,
  };
}
