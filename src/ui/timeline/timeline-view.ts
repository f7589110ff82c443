import { clamp, fit, follow, panBy, type TimeScale, zoomAt } from './time-scale';

// What the learner asked to see, kept apart from the run's length so that a growing run needs no
// state updates: 'fit' shows the whole run, 'tail' the newest `widthUs` (live following after a
// zoom), 'window' a fixed stretch. The scale is derived from the view on every render.

export type TimelineView =
  | { mode: 'fit' }
  | { mode: 'tail'; widthUs: number }
  | { mode: 'window'; startUs: number; endUs: number };

export type ViewCommand =
  | { kind: 'zoom'; anchorPx: number; factor: number }
  | { kind: 'pan'; dxPx: number }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'fit' };

/** The scale a view gives for a run of `totalUs` drawn `widthPx` wide. */
export function scaleOfView(view: TimelineView, totalUs: number, widthPx: number): TimeScale {
  switch (view.mode) {
    case 'fit':
      return fit(totalUs, widthPx);
    case 'tail':
      return follow({ startUs: 0, endUs: view.widthUs, widthPx }, totalUs, false);
    case 'window':
      return clamp({ startUs: view.startUs, endUs: view.endUs, widthPx }, totalUs);
  }
}

/**
 * The view after a command, from the scale now shown. While `live`, zooming keeps following the
 * newest events (tail) and panning stops following, as Perfetto does; End resumes it.
 */
export function viewAfter(
  command: ViewCommand,
  scale: TimeScale,
  totalUs: number,
  live: boolean,
): TimelineView {
  const widthUs = scale.endUs - scale.startUs;
  switch (command.kind) {
    case 'fit':
      return { mode: 'fit' };
    case 'start':
      return windowOf(clamp({ ...scale, startUs: 0, endUs: widthUs }, totalUs));
    case 'end':
      return live ? { mode: 'tail', widthUs } : windowOf(follow(scale, totalUs, false));
    case 'pan':
      return windowOf(panBy(scale, command.dxPx, totalUs));
    case 'zoom': {
      const zoomed = zoomAt(scale, command.anchorPx, command.factor, totalUs);
      return live ? { mode: 'tail', widthUs: zoomed.endUs - zoomed.startUs } : windowOf(zoomed);
    }
  }
}

function windowOf(scale: TimeScale): TimelineView {
  return { mode: 'window', startUs: scale.startUs, endUs: scale.endUs };
}

/** The keyboard map: + and − zoom about the centre, arrows pan, Home/End jump, 0 fits. */
export function commandOfKey(
  key: string,
  panStepPx: number,
  centrePx: number,
): ViewCommand | 'escape' | null {
  switch (key) {
    case '+':
    case '=':
      return { kind: 'zoom', anchorPx: centrePx, factor: 1.5 };
    case '-':
    case '_':
      return { kind: 'zoom', anchorPx: centrePx, factor: 1 / 1.5 };
    case 'ArrowLeft':
      return { kind: 'pan', dxPx: -panStepPx };
    case 'ArrowRight':
      return { kind: 'pan', dxPx: panStepPx };
    case 'Home':
      return { kind: 'start' };
    case 'End':
      return { kind: 'end' };
    case '0':
      return { kind: 'fit' };
    case 'Escape':
      return 'escape';
    default:
      return null;
  }
}
