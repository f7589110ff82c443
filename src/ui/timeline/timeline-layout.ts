import type { HoldSpan, StateSpan } from '../../trace/types';
import { holdIndexAt, spanIndexAt } from './lane-search';
import type { TimelineModel } from './timeline-model';
import { type TimeScale, timeAt, usPerPx } from './time-scale';

// Where things are on the canvas (CSS pixels), and what is under a point.
//
//   ┌ label gutter ┬ plot ─────────────────────────┐
//   │              │ axis (ticks)                   │ axisHeightPx
//   │ main         │ ███ state bar ██▒▒▒▒▒▒▒██████  │ ┐
//   │              │ ▬▬ hold row ▬▬      ▬▬▬        │ ┘ laneHeightPx
//   │ T1           │ …                              │

export type TimelineLayout = {
  widthPx: number;
  heightPx: number;
  labelWidthPx: number;
  plotWidthPx: number;
  axisHeightPx: number;
  laneHeightPx: number;
  /** Offset of the state bar within a lane, and its height. */
  barTopPx: number;
  barHeightPx: number;
  /** Offset of the hold row within a lane, and its height. */
  holdTopPx: number;
  holdHeightPx: number;
};

/** The layout for a canvas `widthPx` wide with `laneCount` lanes (its height follows). */
export function layoutOf(widthPx: number, laneCount: number): TimelineLayout {
  // A quarter of a phone's width for names, at most 140 px on a desktop.
  const labelWidthPx = Math.round(Math.min(140, Math.max(64, widthPx * 0.22)));
  const axisHeightPx = 22;
  const laneHeightPx = 32;
  return {
    widthPx,
    heightPx: axisHeightPx + laneCount * laneHeightPx + 4,
    labelWidthPx,
    plotWidthPx: Math.max(1, widthPx - labelWidthPx),
    axisHeightPx,
    laneHeightPx,
    barTopPx: 4,
    barHeightPx: 18,
    holdTopPx: 24,
    holdHeightPx: 5,
  };
}

/** The top of lane `index` (CSS px from the canvas top). */
export function laneTopPx(layout: TimelineLayout, index: number): number {
  return layout.axisHeightPx + index * layout.laneHeightPx;
}

export type Hit =
  | { kind: 'span'; lane: number; span: StateSpan }
  | { kind: 'hold'; lane: number; hold: HoldSpan }
  | null;

/** Pointer slack, in pixels, so thin spans and one-pixel holds can still be pointed at. */
const SLACK_PX = 3;

/** The span or hold under canvas point (xPx, yPx), if any. */
export function hitTest(
  model: TimelineModel,
  layout: TimelineLayout,
  scale: TimeScale,
  xPx: number,
  yPx: number,
): Hit {
  const plotX = xPx - layout.labelWidthPx;
  const lane = Math.floor((yPx - layout.axisHeightPx) / layout.laneHeightPx);
  const data = model.lanes[lane];
  if (plotX < 0 || plotX > layout.plotWidthPx || data === undefined) return null;
  const inLane = yPx - laneTopPx(layout, lane);
  const timeUs = timeAt(scale, plotX);
  const toleranceUs = SLACK_PX * usPerPx(scale);
  if (inLane >= layout.holdTopPx - 1) {
    const i = holdIndexAt(data.holds, data.holdMaxEnds, timeUs, toleranceUs);
    const hold = data.holds[i];
    return hold === undefined ? null : { kind: 'hold', lane, hold };
  }
  const i = spanIndexAt(data.spans, data.ends, timeUs, toleranceUs);
  const span = data.spans[i];
  return span === undefined ? null : { kind: 'span', lane, span };
}
