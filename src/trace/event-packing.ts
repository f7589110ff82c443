import type { EventKind } from '../sync/kinds';
import type { TraceEvent } from './types';

// Trace events as one flat typed array: they cross between threads (runner frame to page, page to
// the timeline worker) as a transferred buffer, where a structured clone of thousands of small
// objects cost the receiving main thread milliseconds per thousand and fed its garbage collector.

// Float64: seq outgrows int32 in long runs (ring-writer.ts), and a float value needs 64 bits.
const EVENT_WORDS = 8;

export function packEvents(events: readonly TraceEvent[]): Float64Array {
  const out = new Float64Array(events.length * EVENT_WORDS);
  // Field by field: a finished run packs up to 100,000 events on the page's main thread, and a
  // temporary array per event made that a long task.
  let at = 0;
  for (const e of events) {
    out[at] = e.seq;
    out[at + 1] = e.thread;
    out[at + 2] = e.kind;
    out[at + 3] = e.object;
    out[at + 4] = e.aux;
    out[at + 5] = e.timeUs ?? -1;
    out[at + 6] = e.value === undefined ? 0 : 1;
    out[at + 7] = e.value ?? 0;
    at += EVENT_WORDS;
  }
  return out;
}

export function unpackEvents(packed: Float64Array): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (let i = 0; i < packed.length; i += EVENT_WORDS) {
    const timeUs = packed[i + 5] ?? -1;
    const event: TraceEvent = {
      seq: packed[i] ?? 0,
      thread: packed[i + 1] ?? 0,
      kind: (packed[i + 2] ?? 0) as EventKind,
      object: packed[i + 3] ?? -1,
      aux: packed[i + 4] ?? 0,
      timeUs: timeUs === -1 ? null : timeUs,
    };
    if (packed[i + 6] === 1) event.value = packed[i + 7] ?? 0;
    events.push(event);
  }
  return events;
}
