import { firstEndingAfter } from './lane-search';
import type { Palette } from './palette';
import { isHold } from './span-text';
import { laneTopPx, type TimelineLayout } from './timeline-layout';
import type { TimelineMarker, TimelineModel } from './timeline-model';
import { type TimeScale, xOf } from './time-scale';

// What is drawn over the lanes, in plot coordinates: wake arrows, markers, the selection outline.

/** Past this many arrows in view they are a wall of lines that says nothing: zoom in to see them. */
const MAX_ARROWS = 400;

/** Arrows from a release (or signal) to the thread it woke. */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  layout: TimelineLayout,
  scale: TimeScale,
  palette: Palette,
): void {
  const barMid = (lane: number) => laneTopPx(layout, lane) + layout.barTopPx;
  const heads: [number, number, number][] = [];
  // Arrows leaving the same pixel for the same lane pair draw over each other: draw one.
  const drawn = new Set<number>();
  ctx.beginPath();
  for (let i = firstEndingAfter(model.arrowMaxEnds, scale.startUs); i < model.arrows.length; i++) {
    const arrow = model.arrows[i];
    if (arrow === undefined || arrow.atUs > scale.endUs || heads.length >= MAX_ARROWS) break;
    const from = model.laneOf.get(arrow.fromThread);
    const to = model.laneOf.get(arrow.toThread);
    if (arrow.wokenAtUs < scale.startUs || from === undefined || to === undefined || from === to)
      continue;
    const x0 = xOf(scale, arrow.atUs);
    const key = (Math.round(x0) * 1024 + from) * 1024 + to;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const down = to > from;
    const y0 = barMid(from) + (down ? layout.barHeightPx : 0);
    const x1 = xOf(scale, arrow.wokenAtUs);
    const y1 = barMid(to) + (down ? 0 : layout.barHeightPx);
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    heads.push([x1, y1, Math.atan2(y1 - y0, x1 - x0)]);
  }
  ctx.strokeStyle = palette.arrow;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  for (const [x, y, angle] of heads) {
    ctx.moveTo(x, y);
    ctx.lineTo(x - 6 * Math.cos(angle - 0.45), y - 6 * Math.sin(angle - 0.45));
    ctx.lineTo(x - 6 * Math.cos(angle + 0.45), y - 6 * Math.sin(angle + 0.45));
    ctx.closePath();
  }
  ctx.fillStyle = palette.arrow;
  ctx.fill();
}

/** Error, check-failure, deadlock and lost-update markers: a line through the lane and a badge whose shape says which. */
export function drawMarkers(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  layout: TimelineLayout,
  scale: TimeScale,
  palette: Palette,
): void {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  for (const marker of model.markers) {
    if (marker.atUs < scale.startUs || marker.atUs > scale.endUs) continue;
    const lane = model.laneOf.get(marker.thread);
    const top = lane === undefined ? layout.axisHeightPx : laneTopPx(layout, lane);
    const bottom = lane === undefined ? layout.heightPx : top + layout.laneHeightPx;
    const x = xOf(scale, marker.atUs);
    ctx.fillStyle = palette.marker;
    ctx.fillRect(x - 1, top, 2, bottom - top);
    const cy = top + layout.barTopPx + layout.barHeightPx / 2;
    badge(ctx, marker.kind, x, cy);
    ctx.fillStyle = palette.background;
    ctx.fillText(GLYPH[marker.kind], x, cy + 0.5);
  }
  ctx.textAlign = 'start';
}

const GLYPH: Record<TimelineMarker['kind'], string> = {
  error: '!',
  'check-failed': '✕',
  deadlock: '∞',
  'lost-update': '−',
};

function badge(ctx: CanvasRenderingContext2D, kind: TimelineMarker['kind'], x: number, y: number) {
  const r = 8;
  ctx.beginPath();
  if (kind === 'error') {
    ctx.moveTo(x, y - r - 1);
    ctx.lineTo(x + r + 1, y + r - 1);
    ctx.lineTo(x - r - 1, y + r - 1);
    ctx.closePath();
  } else if (kind === 'lost-update') {
    // A diamond: a write that lost another thread's update.
    ctx.moveTo(x, y - r - 1);
    ctx.lineTo(x + r + 1, y);
    ctx.lineTo(x, y + r + 1);
    ctx.lineTo(x - r - 1, y);
    ctx.closePath();
  } else if (kind === 'check-failed') {
    ctx.rect(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
  } else {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  ctx.fill();
}

/** A double outline (text colour outside, background inside) that shows on any fill. */
export function drawSelection(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  layout: TimelineLayout,
  scale: TimeScale,
  palette: Palette,
): void {
  const item = model.selected;
  const lane = item === null ? undefined : model.laneOf.get(item.thread);
  if (item === null || lane === undefined) return;
  if (item.endUs < scale.startUs || item.startUs > scale.endUs) return;
  const hold = isHold(item);
  const x0 = Math.max(-2, xOf(scale, item.startUs));
  const x1 = Math.min(scale.widthPx + 2, xOf(scale, item.endUs));
  const y = laneTopPx(layout, lane) + (hold ? layout.holdTopPx : layout.barTopPx);
  const h = hold ? layout.holdHeightPx : layout.barHeightPx;
  const w = Math.max(1, x1 - x0);
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.text;
  ctx.strokeRect(x0 - 1.5, y - 1.5, w + 3, h + 3);
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.background;
  ctx.strokeRect(x0 - 0.5, y - 0.5, w + 1, h + 1);
}
