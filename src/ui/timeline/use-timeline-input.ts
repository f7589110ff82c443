import { useEffect, useEffectEvent } from 'react';
import { commandOfKey, type ViewCommand } from './timeline-view';

// Wheel, drag, click, hover and keys on the timeline canvas, turned into view commands. Listeners
// are attached by hand because React's wheel listener is passive and could not stop the page from
// scrolling while the wheel zooms. The hook takes the canvas element itself, not a ref: the canvas
// appears only once a run has lanes, and an effect keyed on a ref would never see it arrive.

export type TimelineInput = {
  /** Where the plot starts and how wide it is, in CSS px of the canvas. */
  plotLeftPx: number;
  plotWidthPx: number;
  command(command: ViewCommand): void;
  hover(xPx: number, yPx: number): void;
  leave(): void;
  click(xPx: number, yPx: number): void;
  escape(): void;
};

/** A press that moves less than this (px) is a click, not a drag. */
const DRAG_THRESHOLD_PX = 3;
/** Wheel zoom per pixel of scroll; a trackpad pinch (ctrl + wheel) sends smaller deltas. */
const WHEEL_ZOOM = 0.002;
const PINCH_ZOOM = 0.01;

export function useTimelineInput(canvas: HTMLCanvasElement | null, input: TimelineInput): void {
  const onWheel = useEffectEvent((event: WheelEvent, xPx: number) => {
    event.preventDefault();
    // Lines or pages become pixels, roughly as browsers scroll them.
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? input.plotWidthPx : 1;
    const sideways = Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (event.shiftKey || sideways) {
      input.command({ kind: 'pan', dxPx: (sideways ? event.deltaX : event.deltaY) * unit });
      return;
    }
    const rate = event.ctrlKey ? PINCH_ZOOM : WHEEL_ZOOM;
    const factor = Math.exp(-event.deltaY * unit * rate);
    input.command({ kind: 'zoom', anchorPx: xPx - input.plotLeftPx, factor });
  });

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const step = input.plotWidthPx * (event.shiftKey ? 0.5 : 0.1);
    const centre = input.plotWidthPx / 2;
    const command = commandOfKey(event.key, step, centre);
    if (command === 'escape') input.escape();
    else if (command !== null) input.command(command);
    else return;
    event.preventDefault();
  });

  const onHover = useEffectEvent((x: number, y: number) => input.hover(x, y));
  const onLeave = useEffectEvent(() => input.leave());
  const onClick = useEffectEvent((x: number, y: number) => input.click(x, y));
  const onDrag = useEffectEvent((dxPx: number) => input.command({ kind: 'pan', dxPx }));

  useEffect(() => {
    if (canvas === null) return;
    const local = (event: MouseEvent) => {
      const box = canvas.getBoundingClientRect();
      return [event.clientX - box.left, event.clientY - box.top] as const;
    };
    let press: { startX: number; lastX: number; dragging: boolean } | null = null;

    const wheel = (event: WheelEvent) => onWheel(event, local(event)[0]);
    const down = (event: PointerEvent) => {
      if (event.button !== 0) return;
      canvas.setPointerCapture(event.pointerId);
      press = { startX: event.clientX, lastX: event.clientX, dragging: false };
    };
    const move = (event: PointerEvent) => {
      if (press === null) {
        onHover(...local(event));
        return;
      }
      if (!press.dragging && Math.abs(event.clientX - press.startX) < DRAG_THRESHOLD_PX) return;
      press.dragging = true;
      onDrag(press.lastX - event.clientX);
      press.lastX = event.clientX;
    };
    const up = (event: PointerEvent) => {
      if (press !== null && !press.dragging) onClick(...local(event));
      press = null;
    };
    const cancel = () => {
      press = null;
    };
    canvas.addEventListener('wheel', wheel, { passive: false });
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', cancel);
    canvas.addEventListener('pointerleave', onLeave);
    canvas.addEventListener('keydown', onKey);
    return () => {
      canvas.removeEventListener('wheel', wheel);
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', cancel);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('keydown', onKey);
    };
  }, [canvas]);
}
