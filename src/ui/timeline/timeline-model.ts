import { namesOf, type Names } from '../../trace/names';
import type { HoldSpan, StateSpan, TracedObject, TracedThread, WakeArrow } from '../../trace/types';
import { endsOf, runningMaxEnd } from './lane-search';
import type { TimelineTheme } from './palette';

// What a frame draws, prepared once per data change: spans and holds grouped into lanes, sorted,
// with the search arrays the per-frame binning needs. Selection and theme ride along so
// `drawTimelineFrame` needs nothing else.

/** A point event drawn on a thread's lane. */
export type TimelineMarker = {
  thread: number;
  atUs: number;
  kind: 'error' | 'check-failed' | 'deadlock' | 'lost-update';
  label: string;
};

export type TimelineLane = {
  thread: TracedThread;
  spans: StateSpan[];
  /** `endsOf(spans)`. */
  ends: Float64Array;
  holds: HoldSpan[];
  /** `runningMaxEnd(holds)`. */
  holdMaxEnds: Float64Array;
};

export type TimelineData = {
  threads: readonly TracedThread[];
  objects: readonly TracedObject[];
  spans: readonly StateSpan[];
  holds: readonly HoldSpan[];
  arrows: readonly WakeArrow[];
  markers: readonly TimelineMarker[];
  highlight?: { threads: readonly number[]; objects: readonly number[] };
};

export type TimelineModel = {
  lanes: TimelineLane[];
  /** Lane index by thread id. */
  laneOf: ReadonlyMap<number, number>;
  names: Names;
  /** Sorted by `atUs`. */
  arrows: WakeArrow[];
  /** `runningMaxEnd` over the arrows' `wokenAtUs`, to find those in view. */
  arrowMaxEnds: Float64Array;
  markers: readonly TimelineMarker[];
  highlight: { threads: ReadonlySet<number>; objects: ReadonlySet<number> };
  selected: StateSpan | HoldSpan | null;
  theme: TimelineTheme;
};

const byStart = (a: { startUs: number }, b: { startUs: number }) => a.startUs - b.startUs;

/** Groups the data into lanes, one per thread in `threads` order, then any thread only the spans name. */
export function timelineModelOf(
  data: TimelineData,
  theme: TimelineTheme,
  selected: StateSpan | HoldSpan | null = null,
): TimelineModel {
  const threads = [...data.threads];
  const known = new Set(threads.map((t) => t.id));
  for (const span of data.spans) {
    if (!known.has(span.thread)) {
      known.add(span.thread);
      threads.push({ id: span.thread, name: `thread ${span.thread}` });
    }
  }
  const laneOf = new Map(threads.map((t, i) => [t.id, i]));
  const spansBy = threads.map((): StateSpan[] => []);
  const holdsBy = threads.map((): HoldSpan[] => []);
  for (const span of data.spans) spansBy[laneOf.get(span.thread) ?? 0]?.push(span);
  for (const hold of data.holds) {
    const lane = laneOf.get(hold.thread);
    if (lane !== undefined) holdsBy[lane]?.push(hold);
  }
  const lanes = threads.map((thread, i) => {
    const spans = sorted(spansBy[i] ?? []);
    const holds = sorted(holdsBy[i] ?? []);
    return { thread, spans, ends: endsOf(spans), holds, holdMaxEnds: runningMaxEnd(holds) };
  });
  const arrows = [...data.arrows].sort((a, b) => a.atUs - b.atUs);
  return {
    lanes,
    laneOf,
    names: namesOf(threads, data.objects),
    arrows,
    arrowMaxEnds: runningMaxEnd(arrows.map((a) => ({ startUs: a.atUs, endUs: a.wokenAtUs }))),
    markers: data.markers,
    highlight: {
      threads: new Set(data.highlight?.threads),
      objects: new Set(data.highlight?.objects),
    },
    selected,
    theme,
  };
}

/** The analysis emits lanes already sorted: skip the sort when they are. */
function sorted<T extends { startUs: number }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if ((items[i]?.startUs ?? 0) < (items[i - 1]?.startUs ?? 0)) return items.sort(byStart);
  }
  return items;
}
