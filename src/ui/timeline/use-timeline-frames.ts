import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { drawTimelineFrame, type FrameSize } from './draw-timeline';
import type { TimelineModel } from './timeline-model';
import { approach, type TimeScale } from './time-scale';

/** Share of the remaining distance a gliding window covers per frame (~150 ms to settle at 60 Hz). */
const GLIDE = 0.3;

/**
 * Draws the timeline on animation frames, only when the model, window or size changed (or while
 * the window is still gliding towards `target`). Returns the scale last drawn, which pointer input
 * must use so that what is hit is what is seen.
 */
export function useTimelineFrames(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  model: TimelineModel,
  target: TimeScale,
  size: FrameSize,
  glide: boolean,
): () => TimeScale {
  const shown = useRef<TimeScale | null>(null);
  const frame = useRef(0);
  const { startUs, endUs, widthPx } = target;
  const { widthPx: canvasWidthPx, heightPx, dpr } = size;

  useEffect(() => {
    const goal = { startUs, endUs, widthPx };
    const draw = () => {
      frame.current = 0;
      const ctx = canvasRef.current?.getContext('2d');
      if (ctx === null || ctx === undefined || canvasWidthPx === 0) return;
      const from = shown.current;
      const next = glide && from !== null ? approach(from, goal, GLIDE) : goal;
      shown.current = next;
      drawTimelineFrame(ctx, model, next, { widthPx: canvasWidthPx, heightPx, dpr });
      if (next !== goal) frame.current = requestAnimationFrame(draw);
    };
    if (frame.current === 0) frame.current = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [canvasRef, model, startUs, endUs, widthPx, canvasWidthPx, heightPx, dpr, glide]);

  return useCallback(() => shown.current ?? { startUs, endUs, widthPx }, [startUs, endUs, widthPx]);
}
