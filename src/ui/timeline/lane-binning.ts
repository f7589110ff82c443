import type { StateSpan, ThreadState } from '../../trace/types';
import { firstEndingAfter } from './lane-search';
import { type TimeScale, xOf } from './time-scale';

// Per-pixel binning, as Perfetto and chrome://tracing draw dense tracks: spans at least a pixel
// wide are drawn as themselves; runs of thinner spans collapse into one-pixel columns coloured by
// the state that takes most of the column. A frame therefore draws at most ~width rects per lane
// plus its wide spans, however many events the run has.

/** A rect to draw in plot pixels; `span` is the lane index of the span it shows, null for a merged column. */
export type LaneRect = { xPx: number; widthPx: number; state: ThreadState; span: number | null };

/** A hold bar in plot pixels; `hold` is its index in the lane's holds. */
export type HoldRect = { xPx: number; widthPx: number; hold: number };

// Ties go to the earlier state: a column half failed, half running shows the failure.
const STATES: readonly ThreadState[] = [
  'failed',
  'waiting',
  'gil-wait',
  'input',
  'sleeping',
  'running',
  'done',
];
const STATE_INDEX = new Map(STATES.map((state, i) => [state, i]));

/**
 * The rects for one lane's spans (sorted, non-overlapping, with `ends` from `endsOf`) in `scale`,
 * clipped to the plot.
 */
export function laneRects(
  spans: readonly StateSpan[],
  ends: ArrayLike<number>,
  scale: TimeScale,
): LaneRect[] {
  const rects: LaneRect[] = [];
  const weights = new Float64Array(STATES.length);
  let column = -1;
  let columnSpans = 0;
  let lastSpan = -1;

  const flush = () => {
    if (columnSpans === 0) return;
    let best = 0;
    for (let s = 1; s < STATES.length; s++) if ((weights[s] ?? 0) > (weights[best] ?? 0)) best = s;
    const state = STATES[best] ?? 'running';
    rects.push({ xPx: column, widthPx: 1, state, span: columnSpans === 1 ? lastSpan : null });
    weights.fill(0);
    columnSpans = 0;
  };

  for (let i = firstEndingAfter(ends, scale.startUs); i < spans.length; i++) {
    const span = spans[i];
    if (span === undefined || span.startUs >= scale.endUs) break;
    const x0 = Math.max(0, xOf(scale, span.startUs));
    const x1 = Math.min(scale.widthPx, xOf(scale, span.endUs));
    if (x1 - x0 >= 1) {
      flush();
      rects.push({ xPx: x0, widthPx: x1 - x0, state: span.state, span: i });
      continue;
    }
    const spanColumn = Math.floor(x0);
    if (spanColumn !== column) {
      flush();
      column = spanColumn;
    }
    const s = STATE_INDEX.get(span.state) ?? 0;
    weights[s] = (weights[s] ?? 0) + (x1 - x0);
    columnSpans++;
    lastSpan = i;
  }
  flush();
  return rects;
}

/**
 * Bars for one lane's holds (sorted by start, `maxEnds` from `runningMaxEnd`), at least a pixel
 * wide; a hold whose pixels are already covered by the bars drawn just before it is skipped, so
 * thousands of short holds cost a column each, not a rect each.
 */
export function holdRects(
  holds: readonly { startUs: number; endUs: number }[],
  maxEnds: ArrayLike<number>,
  scale: TimeScale,
): HoldRect[] {
  const rects: HoldRect[] = [];
  let coveredFrom = -Infinity;
  let coveredTo = -Infinity;
  for (let i = firstEndingAfter(maxEnds, scale.startUs); i < holds.length; i++) {
    const hold = holds[i];
    if (hold === undefined || hold.startUs >= scale.endUs) break;
    if (hold.endUs <= scale.startUs) continue;
    const x0 = Math.max(0, xOf(scale, hold.startUs));
    const x1 = Math.max(x0 + 1, Math.min(scale.widthPx, xOf(scale, hold.endUs)));
    if (Math.floor(x0) >= coveredFrom && Math.ceil(x1) <= coveredTo) continue;
    if (x0 > coveredTo) coveredFrom = Math.floor(x0);
    coveredTo = Math.max(coveredTo, Math.ceil(x1));
    rects.push({ xPx: x0, widthPx: x1 - x0, hold: i });
  }
  return rects;
}
