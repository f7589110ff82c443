import { drawLane } from './draw-lanes';
import { drawArrows, drawMarkers, drawSelection } from './draw-overlays';
import { paletteOf, type Palette } from './palette';
import { laneTopPx, layoutOf, type TimelineLayout } from './timeline-layout';
import type { TimelineModel } from './timeline-model';
import { type TimeScale, ticksOf } from './time-scale';

/** The canvas size in CSS pixels and its device pixel ratio. */
export type FrameSize = { widthPx: number; heightPx: number; dpr: number };

const FONT = '12px system-ui, sans-serif';

/**
 * Draws one whole frame: axis, lanes, holds, arrows, markers, selection, thread names. Only the
 * window of `scale` matters (its width is taken from the layout). Synchronous and allocation-light,
 * so a bench can time it directly on 100k-event models.
 */
export function drawTimelineFrame(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  scale: TimeScale,
  size: FrameSize,
): void {
  const layout = layoutOf(size.widthPx, model.lanes.length);
  const plot: TimeScale = { ...scale, widthPx: layout.plotWidthPx };
  const palette = paletteOf(model.theme);
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, size.widthPx, size.heightPx);
  ctx.font = FONT;
  drawLaneBackgrounds(ctx, model, layout, palette);

  ctx.save();
  ctx.translate(layout.labelWidthPx, 0);
  ctx.beginPath();
  ctx.rect(0, 0, layout.plotWidthPx, size.heightPx);
  ctx.clip();
  drawAxis(ctx, plot, layout, palette);
  model.lanes.forEach((lane, i) => {
    drawLane(ctx, model, lane, laneTopPx(layout, i), layout, plot, palette, size.dpr);
  });
  drawArrows(ctx, model, layout, plot, palette);
  drawMarkers(ctx, model, layout, plot, palette);
  drawSelection(ctx, model, layout, plot, palette);
  ctx.restore();

  drawNames(ctx, model, layout, palette);
}

function drawLaneBackgrounds(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  layout: TimelineLayout,
  palette: Palette,
): void {
  model.lanes.forEach((lane, i) => {
    const top = laneTopPx(layout, i);
    if (i % 2 === 1) {
      ctx.fillStyle = palette.laneAlt;
      ctx.fillRect(0, top, layout.widthPx, layout.laneHeightPx);
    }
    if (model.highlight.threads.has(lane.thread.id)) {
      ctx.fillStyle = palette.cycleTint;
      ctx.fillRect(0, top, layout.widthPx, layout.laneHeightPx);
    }
  });
}

function drawAxis(
  ctx: CanvasRenderingContext2D,
  scale: TimeScale,
  layout: TimelineLayout,
  palette: Palette,
): void {
  const ticks = ticksOf(scale);
  ctx.beginPath();
  for (const tick of ticks) {
    const x = Math.round(tick.xPx) + 0.5;
    ctx.moveTo(x, layout.axisHeightPx - 6);
    ctx.lineTo(x, layout.heightPx);
  }
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.fillStyle = palette.muted;
  ctx.textBaseline = 'middle';
  for (const tick of ticks) ctx.fillText(tick.label, tick.xPx + 3, layout.axisHeightPx / 2 - 1);
}

/** Thread names in the gutter; threads in the deadlock cycle are marked ⚠ and bold, not by colour alone. */
function drawNames(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  layout: TimelineLayout,
  palette: Palette,
): void {
  ctx.fillStyle = palette.grid;
  ctx.fillRect(layout.labelWidthPx - 1, 0, 1, layout.heightPx);
  ctx.textBaseline = 'middle';
  model.lanes.forEach((lane, i) => {
    const inCycle = model.highlight.threads.has(lane.thread.id);
    ctx.font = inCycle ? `bold ${FONT}` : FONT;
    ctx.fillStyle = inCycle ? palette.cycle : palette.text;
    const text = `${inCycle ? '⚠ ' : ''}${lane.thread.name}`;
    const y = laneTopPx(layout, i) + layout.barTopPx + layout.barHeightPx / 2;
    ctx.fillText(ellipsized(ctx, text, layout.labelWidthPx - 10), 6, y);
  });
  ctx.font = FONT;
}

function ellipsized(ctx: CanvasRenderingContext2D, text: string, maxPx: number): string {
  if (ctx.measureText(text).width <= maxPx) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxPx) end--;
  return `${text.slice(0, end)}…`;
}
