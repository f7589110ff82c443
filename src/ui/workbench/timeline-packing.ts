import type { BlockOp } from '../../sync/kinds';
import { packEvents, unpackEvents } from '../../trace/event-packing';
import type { HoldSpan, StateSpan, TimedEvent, WakeArrow } from '../../trace/types';
import { LEGEND_STATES } from '../timeline/palette';

// A finished run's spans, holds and arrows come back from the analysis worker as flat typed
// arrays, transferred, like the events that went to it (trace/event-packing.ts).

/** A span's state travels as its index in the legend's list, the one list of every state. */
const STATES = LEGEND_STATES;

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
