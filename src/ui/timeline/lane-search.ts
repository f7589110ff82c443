import type { HoldSpan, StateSpan } from '../../trace/types';

// Binary searches over one lane, so drawing and hovering touch only what is in view: a lane's
// state spans are sorted and never overlap (so their ends are sorted too); its holds are sorted by
// start but may overlap, so they are searched through the running maximum of their ends.

type Interval = { startUs: number; endUs: number };

/** Index of the first interval whose (non-decreasing) end lies after `timeUs`; length if none. */
export function firstEndingAfter(ends: ArrayLike<number>, timeUs: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] ?? Infinity) > timeUs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The ends of sorted, non-overlapping spans, as a searchable array. */
export function endsOf(spans: readonly Interval[]): Float64Array {
  return Float64Array.from(spans, (span) => span.endUs);
}

/** For holds sorted by start: element i is the latest end among holds 0…i (non-decreasing). */
export function runningMaxEnd(holds: readonly Interval[]): Float64Array {
  const result = new Float64Array(holds.length);
  let max = -Infinity;
  holds.forEach((hold, i) => {
    max = Math.max(max, hold.endUs);
    result[i] = max;
  });
  return result;
}

/**
 * The span of a lane at `timeUs`, or else the nearest one within `toleranceUs` (a pointer a
 * pixel off a thin span still finds it); -1 if none.
 */
export function spanIndexAt(
  spans: readonly StateSpan[],
  ends: ArrayLike<number>,
  timeUs: number,
  toleranceUs: number,
): number {
  const i = firstEndingAfter(ends, timeUs - toleranceUs);
  let best = -1;
  let bestDistance = Infinity;
  for (let j = i; j < spans.length; j++) {
    const span = spans[j];
    if (span === undefined || span.startUs > timeUs + toleranceUs) break;
    const distance = distanceTo(span, timeUs);
    if (distance < bestDistance) {
      best = j;
      bestDistance = distance;
    }
  }
  return best;
}

/** The latest-starting hold covering `timeUs` (± `toleranceUs`), or -1. */
export function holdIndexAt(
  holds: readonly HoldSpan[],
  maxEnds: ArrayLike<number>,
  timeUs: number,
  toleranceUs: number,
): number {
  let found = -1;
  for (let j = firstEndingAfter(maxEnds, timeUs - toleranceUs); j < holds.length; j++) {
    const hold = holds[j];
    if (hold === undefined || hold.startUs > timeUs + toleranceUs) break;
    if (distanceTo(hold, timeUs) <= toleranceUs) found = j;
  }
  return found;
}

function distanceTo(interval: Interval, timeUs: number): number {
  if (timeUs < interval.startUs) return interval.startUs - timeUs;
  if (timeUs > interval.endUs) return timeUs - interval.endUs;
  return 0;
}
