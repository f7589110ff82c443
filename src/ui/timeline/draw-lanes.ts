import type { ThreadState } from '../../trace/types';
import { holdRects, type LaneRect, laneRects } from './lane-binning';
import { firstEndingAfter } from './lane-search';
import { inkOn, type Palette, stateStyle } from './palette';
import { patternsFor } from './patterns';
import { spanLabel } from './span-text';
import type { TimelineLayout } from './timeline-layout';
import type { TimelineLane, TimelineModel } from './timeline-model';
import { type TimeScale, xOf } from './time-scale';

// One lane's state bar and hold row, in plot coordinates (the caller translates past the label
// gutter and clips to the plot). Rects of one state go into one path and one fill: a few fills per
// lane instead of one per rect keeps a dense frame well inside 16 ms.

/** Patterns are drawn in rects at least this wide (px): a pattern's tile needs room to read. */
const MIN_PATTERN_PX = 3;

/** Labels are only tried in spans at least this wide (px); narrower ones could never fit one. */
const MIN_LABEL_PX = 28;

export function drawLane(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  lane: TimelineLane,
  topPx: number,
  layout: TimelineLayout,
  scale: TimeScale,
  palette: Palette,
  dpr: number,
): void {
  const rects = laneRects(lane.spans, lane.ends, scale);
  fillStates(ctx, model, rects, topPx + layout.barTopPx, layout.barHeightPx, palette, dpr);
  labelSpans(ctx, model, lane, rects, topPx + layout.barTopPx, layout.barHeightPx, palette);
  drawHolds(ctx, model, lane, topPx + layout.holdTopPx, layout.holdHeightPx, scale, palette);
}

function fillStates(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  rects: readonly LaneRect[],
  yPx: number,
  heightPx: number,
  palette: Palette,
  dpr: number,
): void {
  const byState = new Map<ThreadState, LaneRect[]>();
  for (const rect of rects) {
    const list = byState.get(rect.state);
    if (list === undefined) byState.set(rect.state, [rect]);
    else list.push(rect);
  }
  const patterns = patternsFor(ctx, dpr, palette.patternInk);
  for (const [state, list] of byState) {
    const style = stateStyle(state, model.theme);
    ctx.beginPath();
    for (const rect of list) ctx.rect(rect.xPx, yPx, rect.widthPx, heightPx);
    ctx.fillStyle = style.fill;
    ctx.fill();
    const pattern = style.pattern === 'none' ? null : patterns[style.pattern];
    if (pattern !== null) {
      // Only where a tile can show: in a sliver the pattern is one or two stray pixels, and
      // zoomed out, a lane is a thousand slivers, which doubled the rasterizer's work.
      ctx.beginPath();
      for (const rect of list)
        if (rect.widthPx >= MIN_PATTERN_PX) ctx.rect(rect.xPx, yPx, rect.widthPx, heightPx);
      ctx.fillStyle = pattern;
      ctx.fill();
    }
  }
}

/** Labels inside spans wide enough ("waits forkB"); a failed span too narrow for one gets a ✕. */
function labelSpans(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  lane: TimelineLane,
  rects: readonly LaneRect[],
  yPx: number,
  heightPx: number,
  palette: Palette,
): void {
  ctx.textBaseline = 'middle';
  const midY = yPx + heightPx / 2;
  for (const rect of rects) {
    const span = rect.span === null ? undefined : lane.spans[rect.span];
    if (span === undefined) continue;
    const fits = rect.widthPx >= MIN_LABEL_PX;
    const text = fits ? spanLabel(span, model.names) : '';
    const textPx = fits ? ctx.measureText(text).width : Infinity;
    if (textPx + 8 <= rect.widthPx) {
      const fill = stateStyle(span.state, model.theme).fill;
      // A solid backing keeps the label legible over the state's pattern.
      ctx.fillStyle = fill;
      ctx.fillRect(rect.xPx + 2, yPx + 2, textPx + 4, heightPx - 4);
      ctx.fillStyle = inkOn(fill);
      ctx.fillText(text, rect.xPx + 4, midY);
    } else if (span.state === 'failed') {
      ctx.fillStyle = palette.text;
      ctx.fillText('✕', rect.xPx - 3, midY);
    }
  }
}

function drawHolds(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  lane: TimelineLane,
  yPx: number,
  heightPx: number,
  scale: TimeScale,
  palette: Palette,
): void {
  ctx.beginPath();
  for (const rect of holdRects(lane.holds, lane.holdMaxEnds, scale)) {
    ctx.rect(rect.xPx, yPx, rect.widthPx, heightPx);
  }
  ctx.fillStyle = palette.hold;
  ctx.fill();
  if (model.highlight.objects.size === 0) return;
  // Holds of the deadlock's objects: taller and in the cycle colour, so shape marks them too.
  ctx.beginPath();
  for (let i = firstEndingAfter(lane.holdMaxEnds, scale.startUs); i < lane.holds.length; i++) {
    const hold = lane.holds[i];
    if (hold === undefined || hold.startUs >= scale.endUs) break;
    if (hold.endUs <= scale.startUs || !model.highlight.objects.has(hold.object)) continue;
    const x0 = Math.max(0, xOf(scale, hold.startUs));
    const x1 = Math.min(scale.widthPx, xOf(scale, hold.endUs));
    ctx.rect(x0, yPx - 1.5, Math.max(2, x1 - x0), heightPx + 3);
  }
  ctx.fillStyle = palette.cycle;
  ctx.fill();
}
