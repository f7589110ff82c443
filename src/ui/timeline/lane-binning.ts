import type { StateSpan, ThreadState } from '../../trace/types';
import { firstEndingAfter } from './lane-search';
import { type TimeScale, xOf } from './time-scale';

// Per-pixel binning, as Perfetto and chrome://tracing draw dense tracks: spans at least a pixel
// wide are drawn as themselves; runs of thinner spans collapse into one-pixel columns coloured by
// the state that takes most of the column. A frame therefore draws at most ~width rects per lane
// plus its wide spans, however many events the run has; neighbouring columns of the same state
// merge into one rect, so a zoomed-out lane is a few dozen fills, not one per pixel.

/** A rect to draw in plot pixels; `span` is the lane index of the span it shows, null for merged columns. */
export type LaneRect = { xPx: number; widthPx: number; state: ThreadState; span: number | null };

/** A hold bar (one or more holds merged) in plot pixels. */
export type HoldRect = { xPx: number; widthPx: number };

// Ties go to the earlier state: a column half failed, half running shows the failure.
const STATES: readonly ThreadState[] = [
  'failed',
  'waiting',
  'gil-wait',
  'input',
  'sleeping',
  'running',
  'starting',
  'done',
];
const STATE_INDEX = Object.fromEntries(STATES.map((state, i) => [state, i])) as Record<
  ThreadState,
  number
>;

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
  // xOf inlined: this loop visits every span in view, 100k of them when zoomed out.
  const pxPerUs = scale.widthPx / (scale.endUs - scale.startUs);
  const originUs = scale.startUs;

  const flush = () => {
    if (columnSpans === 0) return;
    let best = 0;
    for (let s = 1; s < STATES.length; s++) if ((weights[s] ?? 0) > (weights[best] ?? 0)) best = s;
    const state = STATES[best] ?? 'running';
    const last = rects[rects.length - 1];
    if (last?.span === null && last.state === state && last.xPx + last.widthPx >= column) {
      last.widthPx = column + 1 - last.xPx;
    } else {
      rects.push({ xPx: column, widthPx: 1, state, span: null });
    }
    weights.fill(0);
    columnSpans = 0;
  };

  for (let i = firstEndingAfter(ends, scale.startUs); i < spans.length; i++) {
    const span = spans[i];
    if (span === undefined || span.startUs >= scale.endUs) break;
    const x0 = Math.max(0, (span.startUs - originUs) * pxPerUs);
    const x1 = Math.min(scale.widthPx, (span.endUs - originUs) * pxPerUs);
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
    const s = STATE_INDEX[span.state];
    weights[s] = (weights[s] ?? 0) + (x1 - x0);
    columnSpans++;
  }
  flush();
  return rects;
}

/**
 * Bars for one lane's holds (sorted by start, `maxEnds` from `runningMaxEnd`), at least a pixel
 * wide; holds that touch or overlap what is already drawn extend the last bar instead of adding
 * one, so thousands of short holds cost a few rects, not a rect each.
 */
export function holdRects(
  holds: readonly { startUs: number; endUs: number }[],
  maxEnds: ArrayLike<number>,
  scale: TimeScale,
): HoldRect[] {
  const rects: HoldRect[] = [];
  for (let i = firstEndingAfter(maxEnds, scale.startUs); i < holds.length; i++) {
    const hold = holds[i];
    if (hold === undefined || hold.startUs >= scale.endUs) break;
    if (hold.endUs <= scale.startUs) continue;
    const x0 = Math.max(0, xOf(scale, hold.startUs));
    const x1 = Math.max(x0 + 1, Math.min(scale.widthPx, xOf(scale, hold.endUs)));
    const last = rects[rects.length - 1];
    if (last !== undefined && x0 <= last.xPx + last.widthPx + 0.5) {
      last.widthPx = Math.max(last.widthPx, x1 - last.xPx);
    } else {
      rects.push({ xPx: x0, widthPx: x1 - x0 });
    }
  }
  return rects;
}
