// The timeline's pan/zoom frame time with 100,000 events (budget p95 < 16 ms): a synthetic run of
// 8 threads whose lanes alternate between states, drawn with the real drawTimelineFrame on a
// canvas while the window zooms in, pans across, and zooms back out, as a learner's wheel does.
import type { StateSpan, ThreadState, HoldSpan } from '../src/trace/types';
import { drawTimelineFrame } from '../src/ui/timeline/draw-timeline';
import { layoutOf } from '../src/ui/timeline/timeline-layout';
import { timelineModelOf } from '../src/ui/timeline/timeline-model';
import { fit, panBy, zoomAt, type TimeScale } from '../src/ui/timeline/time-scale';
import { measure, round, type Figure, type Figures } from './figure';

const THREADS = 8;
const EVENTS = 100_000;
const WIDTH_PX = 1200;
const STATES: ThreadState[] = ['running', 'waiting', 'running', 'sleeping', 'running', 'gil-wait'];

function syntheticRun(): { spans: StateSpan[]; holds: HoldSpan[]; totalUs: number } {
  const spans: StateSpan[] = [];
  const holds: HoldSpan[] = [];
  const perThread = EVENTS / THREADS;
  let totalUs = 0;
  for (let thread = 0; thread < THREADS; thread++) {
    let t = thread * 3;
    for (let i = 0; i < perThread; i++) {
      const length = 5 + ((i * 7919 + thread * 104729) % 40);
      const state = STATES[(i + thread) % STATES.length] ?? 'running';
      spans.push({
        thread,
        state,
        startUs: t,
        endUs: t + length,
        ...(state === 'waiting' ? { object: 0 } : {}),
      });
      if (i % 4 === 0) holds.push({ thread, object: 0, startUs: t, endUs: t + length });
      t += length;
    }
    totalUs = Math.max(totalUs, t);
  }
  return { spans, holds, totalUs };
}

async function frameTimes(): Promise<Figure> {
  const { spans, holds, totalUs } = syntheticRun();
  const threads = Array.from({ length: THREADS }, (_, id) => ({ id, name: `T${id}` }));
  const model = timelineModelOf(
    { threads, objects: [{ id: 0, kind: 1, name: 'lock' }], spans, holds, arrows: [], markers: [] },
    'light',
  );
  const heightPx = layoutOf(WIDTH_PX, THREADS).heightPx;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH_PX;
  canvas.height = heightPx;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const size = { widthPx: WIDTH_PX, heightPx, dpr: 1 };
  const frames: number[] = [];
  let scale: TimeScale;
  const steps: ((s: TimeScale) => TimeScale)[] = [
    ...Array.from({ length: 40 }, () => (s: TimeScale) => zoomAt(s, WIDTH_PX / 2, 1.25, totalUs)),
    ...Array.from({ length: 60 }, () => (s: TimeScale) => panBy(s, 90, totalUs)),
    ...Array.from({ length: 40 }, () => (s: TimeScale) => zoomAt(s, WIDTH_PX / 3, 0.8, totalUs)),
    ...Array.from({ length: 60 }, () => (s: TimeScale) => panBy(s, -150, totalUs)),
  ];
  // The gestures twice, timing the second: the first pass compiles the drawing code, which in
  // the app the live view has done long before a learner pans a finished run.
  for (const timed of [false, true]) {
    scale = fit(totalUs, WIDTH_PX);
    for (const step of steps) {
      scale = step(scale);
      const start = performance.now();
      drawTimelineFrame(ctx, model, scale, size);
      // Reading one pixel waits for the canvas work the frame queued, so it is counted.
      ctx.getImageData(0, 0, 1, 1);
      if (timed) frames.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
  canvas.remove();
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
  return {
    value: round(p95, 2),
    unit: 'ms',
    budget: '< 16',
    pass: p95 < 16,
    maxMs: round(sorted.at(-1) ?? NaN, 2),
    medianMs: round(sorted[sorted.length >> 1] ?? NaN, 2),
    frames: frames.length,
    spans: spans.length,
  };
}

export async function timelineFigures(wanted: (name: string) => boolean): Promise<Figures> {
  const figures: Figures = {};
  const name = 'timeline-pan-zoom-100k-p95-ms';
  if (wanted(name)) await measure(figures, name, 'ms', '< 16', frameTimes);
  return figures;
}
