import type { BlockOp, EventKind } from '../../sync/kinds';
import type { HoldSpan, StateSpan, TimedEvent, TraceEvent, WakeArrow } from '../../trace/types';
import { LEGEND_STATES } from '../timeline/palette';

// Trace events in, spans out, as flat typed arrays: they cross to the analysis worker and back
// as transferred buffers, so neither side pays a structured clone of 100,000 small objects.

/** A span's state travels as its index in the legend's list, the one list of every state. */
const STATES = LEGEND_STATES;
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

/** Spans, holds, arrows, and the shared reads and writes (as packed events, with their times). */
export type PackedTimeline = {
  spans: Float64Array;
  holds: Float64Array;
  arrows: Float64Array;
  values: Float64Array;
};

export function packTimeline(
  spans: readonly StateSpan[],
  holds: readonly HoldSpan[],
  arrows: readonly WakeArrow[],
  values: readonly TimedEvent[],
): PackedTimeline {
  const s = new Float64Array(spans.length * 6);
  spans.forEach((x, i) =>
    s.set(
      [x.thread, STATES.indexOf(x.state), x.startUs, x.endUs, x.object ?? -1, x.op ?? 0],
      i * 6,
    ),
  );
  const h = new Float64Array(holds.length * 4);
  holds.forEach((x, i) => h.set([x.thread, x.object, x.startUs, x.endUs], i * 4));
  const a = new Float64Array(arrows.length * 5);
  arrows.forEach((x, i) => a.set([x.fromThread, x.toThread, x.object, x.atUs, x.wokenAtUs], i * 5));
  return { spans: s, holds: h, arrows: a, values: packEvents(values) };
}

export function unpackTimeline(packed: PackedTimeline): {
  spans: StateSpan[];
  holds: HoldSpan[];
  arrows: WakeArrow[];
  values: TimedEvent[];
} {
  const spans: StateSpan[] = [];
  const s = packed.spans;
  for (let i = 0; i < s.length; i += 6) {
    const span: StateSpan = {
      thread: s[i] ?? 0,
      state: STATES[s[i + 1] ?? 0] ?? 'running',
      startUs: s[i + 2] ?? 0,
      endUs: s[i + 3] ?? 0,
    };
    const object = s[i + 4] ?? -1;
    const op = s[i + 5] ?? 0;
    if (object >= 0) span.object = object;
    if (op > 0) span.op = op as BlockOp;
    spans.push(span);
  }
  const holds: HoldSpan[] = [];
  const h = packed.holds;
  for (let i = 0; i < h.length; i += 4)
    holds.push({
      thread: h[i] ?? 0,
      object: h[i + 1] ?? 0,
      startUs: h[i + 2] ?? 0,
      endUs: h[i + 3] ?? 0,
    });
  const arrows: WakeArrow[] = [];
  const a = packed.arrows;
  for (let i = 0; i < a.length; i += 5) {
    arrows.push({
      fromThread: a[i] ?? 0,
      toThread: a[i + 1] ?? 0,
      object: a[i + 2] ?? 0,
      atUs: a[i + 3] ?? 0,
      wokenAtUs: a[i + 4] ?? 0,
    });
  }
  // Packed from timed events, so every time is there.
  const values = unpackEvents(packed.values) as TimedEvent[];
  return { spans, holds, arrows, values };
}
