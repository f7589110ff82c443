import { describe, expect, it } from 'vitest';
import { BlockOp, ObjectKind } from '../../sync/kinds';
import type { StateSpan } from '../../trace/types';
import { hitTest, layoutOf, laneTopPx } from './timeline-layout';
import { timelineModelOf } from './timeline-model';

const spans: StateSpan[] = [
  { thread: 1, state: 'running', startUs: 0, endUs: 500 },
  { thread: 1, state: 'waiting', startUs: 500, endUs: 1000, object: 7, op: BlockOp.Acquire },
  { thread: 0, state: 'running', startUs: 0, endUs: 1000 },
  { thread: 2, state: 'done', startUs: 0, endUs: 1000 },
];
const model = timelineModelOf(
  {
    threads: [
      { id: 0, name: 'main' },
      { id: 1, name: 'T1' },
    ],
    objects: [{ id: 7, kind: ObjectKind.Lock, name: 'forkA' }],
    spans,
    holds: [
      { thread: 0, object: 7, startUs: 600, endUs: 900 },
      { thread: 0, object: 7, startUs: 100, endUs: 200 },
    ],
    arrows: [
      { fromThread: 0, toThread: 1, object: 7, atUs: 900, wokenAtUs: 950 },
      { fromThread: 1, toThread: 0, object: 7, atUs: 100, wokenAtUs: 990 },
    ],
    markers: [],
    highlight: { threads: [1], objects: [7] },
  },
  'dark',
);

describe('timelineModelOf', () => {
  it('makes a lane per thread, then lanes for threads only the spans name', () => {
    expect(model.lanes.map((lane) => lane.thread)).toEqual([
      { id: 0, name: 'main' },
      { id: 1, name: 'T1' },
      { id: 2, name: 'thread 2' },
    ]);
    expect(model.lanes[1]?.spans.map((s) => s.state)).toEqual(['running', 'waiting']);
    expect(Array.from(model.lanes[1]?.ends ?? [])).toEqual([500, 1000]);
  });
  it('sorts holds and arrows and indexes them for search', () => {
    expect(model.lanes[0]?.holds.map((h) => h.startUs)).toEqual([100, 600]);
    expect(Array.from(model.lanes[0]?.holdMaxEnds ?? [])).toEqual([200, 900]);
    expect(model.arrows.map((a) => a.atUs)).toEqual([100, 900]);
    expect(Array.from(model.arrowMaxEnds)).toEqual([990, 990]);
  });
  it('keeps the highlight as sets', () => {
    expect(model.highlight.threads.has(1)).toBe(true);
    expect(model.highlight.objects.has(7)).toBe(true);
    expect(model.theme).toBe('dark');
  });
});

describe('layout and hitTest', () => {
  const layout = layoutOf(400, model.lanes.length);
  const scale = { startUs: 0, endUs: 1000, widthPx: layout.plotWidthPx };
  const x = (timeUs: number) => layout.labelWidthPx + (timeUs / 1000) * layout.plotWidthPx;

  it('gives names a gutter and lanes a fixed height', () => {
    expect(layout).toMatchObject({ labelWidthPx: 88, plotWidthPx: 312, heightPx: 122 });
    expect(laneTopPx(layout, 2)).toBe(86);
  });
  it('finds the span under the pointer', () => {
    const y = laneTopPx(layout, 1) + layout.barTopPx + 5;
    expect(hitTest(model, layout, scale, x(700), y)).toEqual({
      kind: 'span',
      lane: 1,
      span: spans[1],
    });
  });
  it('finds a hold in the hold row', () => {
    const y = laneTopPx(layout, 0) + layout.holdTopPx + 2;
    expect(hitTest(model, layout, scale, x(150), y)).toMatchObject({
      kind: 'hold',
      hold: { startUs: 100 },
    });
    expect(hitTest(model, layout, scale, x(400), y)).toBeNull();
  });
  it('finds nothing in the gutter or below the lanes', () => {
    expect(hitTest(model, layout, scale, 10, 40)).toBeNull();
    expect(hitTest(model, layout, scale, x(500), 500)).toBeNull();
  });
});
