import { describe, expect, it } from 'vitest';
import {
  approach,
  clamp,
  fit,
  follow,
  formatTick,
  formatUs,
  niceInterval,
  panBy,
  ticksOf,
  timeAt,
  xOf,
  zoomAt,
} from './time-scale';

const scale = { startUs: 1000, endUs: 2000, widthPx: 500 };

describe('time ↔ pixel', () => {
  it('maps the window onto the width', () => {
    expect(xOf(scale, 1000)).toBe(0);
    expect(xOf(scale, 1500)).toBe(250);
    expect(xOf(scale, 2000)).toBe(500);
    expect(timeAt(scale, 100)).toBe(1200);
  });
});

describe('fit and clamp', () => {
  it('fits the run, never narrower than the minimum window', () => {
    expect(fit(5000, 400)).toEqual({ startUs: 0, endUs: 5000, widthPx: 400 });
    expect(fit(0, 400)).toEqual({ startUs: 0, endUs: 10, widthPx: 400 });
  });
  it('slides a window past an end back in, keeping its width', () => {
    expect(clamp({ startUs: -300, endUs: 700, widthPx: 100 }, 5000)).toEqual({
      startUs: 0,
      endUs: 1000,
      widthPx: 100,
    });
    expect(clamp({ startUs: 4500, endUs: 5500, widthPx: 100 }, 5000)).toEqual({
      startUs: 4000,
      endUs: 5000,
      widthPx: 100,
    });
  });
  it('shrinks a window wider than the run to the run', () => {
    expect(clamp({ startUs: -100, endUs: 9000, widthPx: 100 }, 5000)).toEqual({
      startUs: 0,
      endUs: 5000,
      widthPx: 100,
    });
  });
});

describe('zoomAt', () => {
  it('keeps the time under the anchor in place', () => {
    const zoomed = zoomAt(scale, 250, 2, 10_000);
    expect(zoomed).toEqual({ startUs: 1250, endUs: 1750, widthPx: 500 });
    expect(timeAt(zoomed, 250)).toBe(1500);
  });
  it('zooms about the left edge', () => {
    expect(zoomAt(scale, 0, 4, 10_000)).toEqual({ startUs: 1000, endUs: 1250, widthPx: 500 });
  });
  it('zooms out and clamps to the run', () => {
    expect(zoomAt(scale, 250, 0.1, 4000)).toEqual({ startUs: 0, endUs: 4000, widthPx: 500 });
  });
  it('stops at the minimum window with the anchor pinned', () => {
    expect(zoomAt(scale, 250, 1000, 10_000)).toEqual({ startUs: 1495, endUs: 1505, widthPx: 500 });
  });
});

describe('panBy', () => {
  it('moves by pixels and stops at the ends', () => {
    expect(panBy(scale, 100, 10_000)).toEqual({ startUs: 1200, endUs: 2200, widthPx: 500 });
    expect(panBy(scale, -1000, 10_000)).toEqual({ startUs: 0, endUs: 1000, widthPx: 500 });
    expect(panBy(scale, 5000, 2500)).toEqual({ startUs: 1500, endUs: 2500, widthPx: 500 });
  });
});

describe('follow', () => {
  it('grows with the run when not zoomed', () => {
    expect(follow(scale, 8000, true)).toEqual({ startUs: 0, endUs: 8000, widthPx: 500 });
  });
  it('slides a zoomed window to the newest time', () => {
    expect(follow(scale, 8000, false)).toEqual({ startUs: 7000, endUs: 8000, widthPx: 500 });
  });
});

describe('approach', () => {
  it('moves part of the way, then lands on the target', () => {
    const target = { startUs: 0, endUs: 2000, widthPx: 500 };
    expect(approach({ startUs: 0, endUs: 1000, widthPx: 500 }, target, 0.5)).toEqual({
      startUs: 0,
      endUs: 1500,
      widthPx: 500,
    });
    expect(approach({ startUs: 0, endUs: 1999, widthPx: 500 }, target, 0.5)).toBe(target);
  });
});

describe('ticks', () => {
  it('rounds steps up to 1, 2 or 5 × 10^k', () => {
    expect(niceInterval(1)).toBe(1);
    expect(niceInterval(1.2)).toBe(2);
    expect(niceInterval(3)).toBe(5);
    expect(niceInterval(6)).toBe(10);
    expect(niceInterval(0.03)).toBe(0.05);
    expect(niceInterval(160)).toBe(200);
    expect(niceInterval(4000)).toBe(5000);
  });
  it('labels in the unit of the largest time, as precise as the step', () => {
    expect(formatTick(400, 200, 1000)).toBe('0.4 ms');
    expect(formatTick(250, 50, 900)).toBe('250 µs');
    expect(formatTick(1_500_000, 500_000, 2_000_000)).toBe('1.5 s');
    expect(formatTick(3000, 1000, 9000)).toBe('3 ms');
    expect(formatTick(1_000_020, 5, 1_000_030)).toBe('1.000020 s');
  });
  it('places ticks at least the spacing apart', () => {
    expect(ticksOf({ startUs: 0, endUs: 1000, widthPx: 400 }, 80)).toEqual([
      { timeUs: 0, xPx: 0, label: '0.0 ms' },
      { timeUs: 200, xPx: 80, label: '0.2 ms' },
      { timeUs: 400, xPx: 160, label: '0.4 ms' },
      { timeUs: 600, xPx: 240, label: '0.6 ms' },
      { timeUs: 800, xPx: 320, label: '0.8 ms' },
      { timeUs: 1000, xPx: 400, label: '1.0 ms' },
    ]);
  });
});

describe('formatUs', () => {
  it('uses three significant digits', () => {
    expect(formatUs(850)).toBe('850 µs');
    expect(formatUs(12_345)).toBe('12.3 ms');
    expect(formatUs(1_250_000)).toBe('1.25 s');
    expect(formatUs(0)).toBe('0 µs');
  });
});
