import { describe, expect, it } from 'vitest';
import type { StateSpan, ThreadState } from '../../trace/types';
import { holdRects, laneRects } from './lane-binning';
import { endsOf, runningMaxEnd } from './lane-search';

const span = (state: ThreadState, startUs: number, endUs: number): StateSpan => ({
  thread: 0,
  state,
  startUs,
  endUs,
});
// 100 px over 1000 µs: 10 µs a pixel.
const scale = { startUs: 0, endUs: 1000, widthPx: 100 };

describe('laneRects', () => {
  it('draws wide spans as themselves', () => {
    const spans = [span('running', 0, 300), span('waiting', 300, 1000)];
    expect(laneRects(spans, endsOf(spans), scale)).toEqual([
      { xPx: 0, widthPx: 30, state: 'running', span: 0 },
      { xPx: 30, widthPx: 70, state: 'waiting', span: 1 },
    ]);
  });

  it('merges sub-pixel spans into a column of the dominant state', () => {
    const spans = [
      span('running', 100, 102),
      span('waiting', 102, 108),
      span('running', 108, 110),
      span('sleeping', 110, 112),
    ];
    expect(laneRects(spans, endsOf(spans), scale)).toEqual([
      { xPx: 10, widthPx: 1, state: 'waiting', span: null },
      { xPx: 11, widthPx: 1, state: 'sleeping', span: null },
    ]);
  });

  it('lets a failure win a tie', () => {
    const spans = [span('running', 100, 105), span('failed', 105, 110)];
    expect(laneRects(spans, endsOf(spans), scale)[0]?.state).toBe('failed');
  });

  it('skips spans out of view and clips the edges', () => {
    const spans = [
      span('running', 0, 100),
      span('waiting', 100, 400),
      span('running', 400, 900),
      span('done', 900, 2000),
    ];
    const view = { startUs: 200, endUs: 600, widthPx: 100 };
    expect(laneRects(spans, endsOf(spans), view)).toEqual([
      { xPx: 0, widthPx: 50, state: 'waiting', span: 1 },
      { xPx: 50, widthPx: 50, state: 'running', span: 2 },
    ]);
  });

  it('merges neighbouring columns of the same state into one rect', () => {
    // 131,072 one-µs spans over 1024 px: 128 a column (a power of two, so no rounding at edges).
    const spans = Array.from({ length: 131_072 }, (_, i) =>
      span(i % 2 === 0 ? 'running' : 'waiting', i, i + 1),
    );
    const rects = laneRects(spans, endsOf(spans), { startUs: 0, endUs: 131_072, widthPx: 1024 });
    expect(rects).toEqual([{ xPx: 0, widthPx: 1024, state: 'waiting', span: null }]);
  });

  it('keeps columns of different states apart', () => {
    const spans = [
      span('running', 0, 5),
      span('running', 10, 15),
      span('sleeping', 20, 25),
      span('running', 30, 35),
    ];
    expect(laneRects(spans, endsOf(spans), scale)).toEqual([
      { xPx: 0, widthPx: 2, state: 'running', span: null },
      { xPx: 2, widthPx: 1, state: 'sleeping', span: null },
      { xPx: 3, widthPx: 1, state: 'running', span: null },
    ]);
  });
});

describe('holdRects', () => {
  it('draws holds at least a pixel wide', () => {
    const holds = [
      { startUs: 0, endUs: 500 },
      { startUs: 600, endUs: 601 },
    ];
    expect(holdRects(holds, runningMaxEnd(holds), scale)).toEqual([
      { xPx: 0, widthPx: 50 },
      { xPx: 60, widthPx: 1 },
    ]);
  });

  it('merges holds that touch what is drawn, and finds long holds that began earlier', () => {
    const holds = [
      { startUs: 0, endUs: 900 },
      { startUs: 10, endUs: 20 },
      { startUs: 100, endUs: 150 },
      { startUs: 950, endUs: 990 },
    ];
    const view = { startUs: 500, endUs: 1000, widthPx: 50 };
    expect(holdRects(holds, runningMaxEnd(holds), view)).toEqual([
      { xPx: 0, widthPx: 40 },
      { xPx: 45, widthPx: 4 },
    ]);
    expect(holdRects(holds, runningMaxEnd(holds), scale)).toEqual([
      { xPx: 0, widthPx: 90 },
      { xPx: 95, widthPx: 4 },
    ]);
  });
});
