import type { TimedEvent, TraceEvent } from './types';

/**
 * Gives every event a time. Threads read the clock only around blocking (in a worker a clock read
 * costs several times a sequence number's `Atomics.add`), so an untimed event between two timed ones
 * gets its time by linear interpolation on seq — seq is the one order all threads share. Before the first and after the
 * last timed event, untimed events take that event's time; with no timed event at all, 0.
 *
 * `events` must be sorted by seq. Timed events are returned as they are.
 */
export function withTimes(events: readonly TraceEvent[]): TimedEvent[] {
  const anchors = events.filter(isTimed);
  // anchors[passed - 1] is the last timed event at or before the current one.
  let passed = 0;
  return events.map((event) => {
    if (isTimed(event)) {
      passed++;
      return event;
    }
    return { ...event, timeUs: between(anchors[passed - 1], anchors[passed], event.seq) };
  });
}

function isTimed(event: TraceEvent): event is TimedEvent {
  return event.timeUs !== null;
}

function between(
  before: TimedEvent | undefined,
  after: TimedEvent | undefined,
  seq: number,
): number {
  if (before === undefined) return after?.timeUs ?? 0;
  if (after === undefined || after.seq === before.seq) return before.timeUs;
  const fraction = (seq - before.seq) / (after.seq - before.seq);
  return before.timeUs + (after.timeUs - before.timeUs) * fraction;
}
