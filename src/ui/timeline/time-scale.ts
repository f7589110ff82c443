// The timeline's visible window as plain maths, after Perfetto's `TimeScale` (ui/src/base/time_scale.ts):
// a window [startUs, endUs] of the run mapped onto `widthPx` pixels of the plot. Every operation returns
// a new scale, so the component can keep one in state and tests can use literal numbers.

/** The visible window of a run and the pixel width it is drawn into. */
export type TimeScale = { startUs: number; endUs: number; widthPx: number };

/** The narrowest window zooming may reach: below a few µs the clock (5 µs resolution) says nothing. */
export const MIN_WINDOW_US = 10;

/** Microseconds one pixel covers. */
export function usPerPx(scale: TimeScale): number {
  return (scale.endUs - scale.startUs) / Math.max(1, scale.widthPx);
}

/** The plot x (px) of a time. */
export function xOf(scale: TimeScale, timeUs: number): number {
  return (timeUs - scale.startUs) / usPerPx(scale);
}

/** The time under a plot x (px). */
export function timeAt(scale: TimeScale, xPx: number): number {
  return scale.startUs + xPx * usPerPx(scale);
}

/** The whole run in view (at least the minimum window, so an empty run still has a scale). */
export function fit(totalUs: number, widthPx: number): TimeScale {
  return { startUs: 0, endUs: Math.max(totalUs, MIN_WINDOW_US), widthPx };
}

/**
 * The window kept inside [0, totalUs] and no narrower than `MIN_WINDOW_US`: too wide becomes the
 * whole run, past either end slides back in without changing width.
 */
export function clamp(scale: TimeScale, totalUs: number): TimeScale {
  const maxWidthUs = Math.max(totalUs, MIN_WINDOW_US);
  const widthUs = Math.min(Math.max(scale.endUs - scale.startUs, MIN_WINDOW_US), maxWidthUs);
  const startUs = Math.min(Math.max(scale.startUs, 0), maxWidthUs - widthUs);
  return { startUs, endUs: startUs + widthUs, widthPx: scale.widthPx };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping the time under `anchorPx` under it, as a map does
 * under the mouse wheel; then clamps.
 */
export function zoomAt(
  scale: TimeScale,
  anchorPx: number,
  factor: number,
  totalUs: number,
): TimeScale {
  const anchorUs = timeAt(scale, anchorPx);
  const startUs = anchorUs - (anchorUs - scale.startUs) / factor;
  const endUs = anchorUs + (scale.endUs - anchorUs) / factor;
  const widthUs = endUs - startUs;
  if (widthUs < MIN_WINDOW_US) {
    // Pin the anchor's relative position while stopping at the minimum width.
    const share = (anchorUs - scale.startUs) / (scale.endUs - scale.startUs);
    const pinnedStart = anchorUs - share * MIN_WINDOW_US;
    return clamp({ ...scale, startUs: pinnedStart, endUs: pinnedStart + MIN_WINDOW_US }, totalUs);
  }
  return clamp({ ...scale, startUs, endUs }, totalUs);
}

/** Moves the window by `dxPx` pixels (positive shows later times), then clamps. */
export function panBy(scale: TimeScale, dxPx: number, totalUs: number): TimeScale {
  const dUs = dxPx * usPerPx(scale);
  return clamp({ ...scale, startUs: scale.startUs + dUs, endUs: scale.endUs + dUs }, totalUs);
}

/**
 * The window for a run still growing to `totalUs`. `grow` (the learner has not zoomed) shows the
 * whole run so far; otherwise the window keeps its width and slides so its end is the newest time.
 */
export function follow(scale: TimeScale, totalUs: number, grow: boolean): TimeScale {
  if (grow) return fit(totalUs, scale.widthPx);
  const widthUs = scale.endUs - scale.startUs;
  return clamp({ ...scale, startUs: totalUs - widthUs, endUs: totalUs }, totalUs);
}

/**
 * One animation step from `shown` towards `target` (a fraction of the remaining distance), or
 * `target` itself once within half a pixel — so live following glides unless motion is reduced.
 */
export function approach(shown: TimeScale, target: TimeScale, fraction: number): TimeScale {
  const startUs = shown.startUs + (target.startUs - shown.startUs) * fraction;
  const endUs = shown.endUs + (target.endUs - shown.endUs) * fraction;
  const halfPxUs = usPerPx(target) / 2;
  const close =
    Math.abs(target.startUs - startUs) < halfPxUs && Math.abs(target.endUs - endUs) < halfPxUs;
  return close || shown.widthPx !== target.widthPx ? target : { ...target, startUs, endUs };
}

/** The smallest 1, 2 or 5 × 10^k µs at least `minUs` (tick steps that read as round numbers). */
export function niceInterval(minUs: number): number {
  if (!(minUs > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(minUs));
  for (const mantissa of [1, 2, 5, 10]) {
    // Rounding guards against 10^k computed as 0.30000000000000004-style values.
    const step = Number((mantissa * power).toPrecision(12));
    if (step >= minUs) return step;
  }
  return 10 * power;
}

/**
 * A tick label in the unit of the axis' largest time `maxUs` (so labels stay short and alike) at
 * the precision its step needs: "0.4 ms", "250 µs", "1.5 s".
 */
export function formatTick(timeUs: number, stepUs: number, maxUs: number): string {
  const [unit, perUnit] = maxUs >= 1e6 ? ['s', 1e6] : maxUs >= 1e3 ? ['ms', 1e3] : ['µs', 1];
  const decimals = Math.max(0, -Math.floor(Math.log10(stepUs / perUnit) + 1e-9));
  return `${(timeUs / perUnit).toFixed(decimals)} ${unit}`;
}

/** A duration or instant for people: three significant digits in the unit that fits. */
export function formatUs(us: number): string {
  const abs = Math.abs(us);
  if (abs < 1e3) return `${trim(us)} µs`;
  if (abs < 1e6) return `${trim(us / 1e3)} ms`;
  return `${trim(us / 1e6)} s`;
}

function trim(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

export type Tick = { timeUs: number; xPx: number; label: string };

/** Axis ticks at a nice step leaving at least `minSpacingPx` between labels. */
export function ticksOf(scale: TimeScale, minSpacingPx = 80): Tick[] {
  const stepUs = niceInterval(minSpacingPx * usPerPx(scale));
  const ticks: Tick[] = [];
  for (let i = Math.ceil(scale.startUs / stepUs); i * stepUs <= scale.endUs; i++) {
    const timeUs = i * stepUs;
    ticks.push({ timeUs, xPx: xOf(scale, timeUs), label: formatTick(timeUs, stepUs, scale.endUs) });
  }
  return ticks;
}
