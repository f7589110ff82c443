import type { HoldSpan, StateSpan, ThreadState } from '../../trace/types';
import type { Recording } from './recording';

/** Most items a shipped recording keeps: enough to read the run, small enough for a static file. */
export const RECORDING_CAPS: RecordingCaps = {
  spans: 5_000,
  holds: 3_000,
  arrows: 1_000,
  output: 200,
};

export type RecordingCaps = { spans: number; holds: number; arrows: number; output: number };

/**
 * A recording small enough to ship: times rounded to whole microseconds, the densest lanes
 * resampled coarser until all spans fit the cap (the same "state that takes most of the column"
 * rule the timeline uses when it bins a lane into pixels), close holds of one thread on one object
 * merged, arrows thinned evenly, output cut.
 */
export function compactRecording(recording: Recording, caps = RECORDING_CAPS): Recording {
  const totalUs = Math.max(1, Math.round(recording.totalUs));
  const spans = recording.spans.map((s) => ({
    ...s,
    startUs: Math.round(s.startUs),
    endUs: Math.round(s.endUs),
  }));
  const lanes = groupBy(spans, (s) => s.thread);
  const perLane = laneBudget(
    [...lanes.values()].map((lane) => lane.length),
    caps.spans,
  );
  const holds = recording.holds.map((h) => ({
    ...h,
    startUs: Math.round(h.startUs),
    endUs: Math.round(h.endUs),
  }));
  return {
    ...recording,
    report: { ...recording.report, output: recording.report.output.slice(0, caps.output) },
    spans: [...lanes.values()].flatMap((lane) =>
      lane.length > perLane ? resampleLane(lane, totalUs / Math.max(1, perLane / 2)) : lane,
    ),
    holds: holds.length > caps.holds ? mergeHolds(holds, totalUs / caps.holds) : holds,
    arrows: thin(recording.arrows, caps.arrows).map((a) => ({
      ...a,
      atUs: Math.round(a.atUs),
      wokenAtUs: Math.round(a.wokenAtUs),
    })),
    markers: recording.markers.map((m) => ({ ...m, atUs: Math.round(m.atUs) })),
    totalUs,
  };
}

/**
 * The most spans each lane may keep so that all lanes together fit `cap`: lanes under the budget
 * keep everything, the rest share what is left equally (water-filling).
 */
export function laneBudget(counts: readonly number[], cap: number): number {
  const sorted = [...counts].sort((a, b) => a - b);
  let left = cap;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    const count = sorted[i] ?? 0;
    if (count > share) return share;
    left -= count;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * One lane (sorted, non-overlapping) at a coarser grain: spans at least `quantumUs` long are
 * kept; each run of shorter ones becomes spans about `quantumUs` wide, each of the state that
 * took most of its time. A lane of n spans ends with at most (its long spans + totalUs / quantumUs).
 */
export function resampleLane(lane: readonly StateSpan[], quantumUs: number): StateSpan[] {
  const out: StateSpan[] = [];
  let chunk: StateSpan[] = [];
  const flush = () => {
    const [first] = chunk;
    const last = chunk[chunk.length - 1];
    if (first && last) {
      const main = dominant(chunk);
      push(out, { ...main, startUs: first.startUs, endUs: last.endUs });
    }
    chunk = [];
  };
  for (const span of lane) {
    if (span.endUs - span.startUs >= quantumUs) {
      flush();
      push(out, span);
      continue;
    }
    chunk.push(span);
    const [first] = chunk;
    if (first && span.endUs - first.startUs >= quantumUs) flush();
  }
  flush();
  return out;
}

/** The longest span of the state that took most of the chunk's time (its object names the wait). */
function dominant(chunk: readonly StateSpan[]): StateSpan {
  const time = new Map<ThreadState, number>();
  for (const s of chunk) time.set(s.state, (time.get(s.state) ?? 0) + s.endUs - s.startUs);
  let best = chunk[0] as StateSpan;
  for (const s of chunk) {
    const [a, b] = [time.get(s.state) ?? 0, time.get(best.state) ?? 0];
    if (
      a > b ||
      (a === b && s.state === best.state && s.endUs - s.startUs > best.endUs - best.startUs)
    )
      best = s;
  }
  return best;
}

/** Appends, merging with the previous span when both show the same thing. */
function push(out: StateSpan[], span: StateSpan): void {
  const last = out[out.length - 1];
  if (last && last.state === span.state && last.object === span.object && last.op === span.op)
    last.endUs = span.endUs;
  else out.push({ ...span });
}

/** Holds of one thread on one object less than `gapUs` apart become one hold. */
function mergeHolds(holds: readonly HoldSpan[], gapUs: number): HoldSpan[] {
  const groups = groupBy(holds, (h) => `${h.thread}:${h.object}`);
  return [...groups.values()].flatMap((group) => {
    const merged: HoldSpan[] = [];
    for (const hold of [...group].sort((a, b) => a.startUs - b.startUs)) {
      const last = merged[merged.length - 1];
      if (last && hold.startUs - last.endUs < gapUs) last.endUs = Math.max(last.endUs, hold.endUs);
      else merged.push({ ...hold });
    }
    return merged;
  });
}

/** At most `cap` items, evenly spread over the list. */
function thin<T>(items: readonly T[], cap: number): T[] {
  if (items.length <= cap) return [...items];
  const step = items.length / cap;
  return Array.from({ length: cap }, (_, i) => items[Math.floor(i * step)] as T);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
