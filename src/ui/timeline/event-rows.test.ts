import { describe, expect, it } from 'vitest';
import { BlockOp, ObjectKind } from '../../sync/kinds';
import { namesOf } from '../../trace/names';
import type { StateSpan } from '../../trace/types';
import { msOf, pageOf, rowOf, spansFor } from './event-rows';

const spans: StateSpan[] = [
  { thread: 1, state: 'running', startUs: 0, endUs: 500 },
  { thread: 1, state: 'waiting', startUs: 500, endUs: 1250, object: 4, op: BlockOp.Acquire },
  { thread: 0, state: 'running', startUs: 0, endUs: 1250 },
];
const names = namesOf(
  [
    { id: 0, name: 'main' },
    { id: 1, name: 'T1' },
  ],
  [{ id: 4, kind: ObjectKind.Lock, name: 'forkA' }],
);

describe('event rows', () => {
  it('sorts by start, then thread, and filters by thread', () => {
    expect(spansFor(spans, null).map((s) => [s.thread, s.startUs])).toEqual([
      [0, 0],
      [1, 0],
      [1, 500],
    ]);
    expect(spansFor(spans, 0)).toEqual([spans[2]]);
  });
  it('words a row', () => {
    expect(rowOf(spans[1] as StateSpan, names)).toEqual({
      key: '1:500:waiting',
      thread: 'T1',
      state: 'waiting',
      object: 'forkA',
      startMs: '0.500',
      durationMs: '0.750',
    });
    expect(msOf(1_234_567)).toBe('1234.567');
  });
  it('pages and clamps', () => {
    expect(pageOf(450, 200, 0)).toEqual({ index: 0, pages: 3, from: 0, to: 200 });
    expect(pageOf(450, 200, 2)).toEqual({ index: 2, pages: 3, from: 400, to: 450 });
    expect(pageOf(450, 200, 9)).toEqual({ index: 2, pages: 3, from: 400, to: 450 });
    expect(pageOf(0, 200, 0)).toEqual({ index: 0, pages: 1, from: 0, to: 0 });
  });
});
