import { describe, expect, it } from 'vitest';
import type { StateSpan } from '../../trace/types';
import { endsOf, firstEndingAfter, holdIndexAt, runningMaxEnd, spanIndexAt } from './lane-search';

const spans: StateSpan[] = [
  { thread: 0, state: 'running', startUs: 0, endUs: 10 },
  { thread: 0, state: 'waiting', startUs: 10, endUs: 12 },
  { thread: 0, state: 'running', startUs: 20, endUs: 30 },
];
const holds = [
  { thread: 0, object: 1, startUs: 0, endUs: 100 },
  { thread: 0, object: 2, startUs: 5, endUs: 8 },
  { thread: 0, object: 3, startUs: 50, endUs: 60 },
];

describe('firstEndingAfter', () => {
  it('finds the first end past a time', () => {
    const ends = [10, 12, 30];
    expect(firstEndingAfter(ends, -1)).toBe(0);
    expect(firstEndingAfter(ends, 10)).toBe(1);
    expect(firstEndingAfter(ends, 11)).toBe(1);
    expect(firstEndingAfter(ends, 30)).toBe(3);
  });
});

describe('spanIndexAt', () => {
  const ends = endsOf(spans);
  it('finds the span under a time', () => {
    expect(spanIndexAt(spans, ends, 11, 0)).toBe(1);
    expect(spanIndexAt(spans, ends, 25, 0)).toBe(2);
  });
  it('finds the nearest span within the tolerance, and nothing beyond it', () => {
    expect(spanIndexAt(spans, ends, 13, 2)).toBe(1);
    expect(spanIndexAt(spans, ends, 16, 2)).toBe(-1);
    expect(spanIndexAt(spans, ends, 40, 2)).toBe(-1);
  });
});

describe('holdIndexAt', () => {
  const maxEnds = runningMaxEnd(holds);
  it('keeps the running maximum of ends', () => {
    expect(Array.from(maxEnds)).toEqual([100, 100, 100]);
  });
  it('prefers the innermost (latest-starting) hold', () => {
    expect(holdIndexAt(holds, maxEnds, 6, 0)).toBe(1);
    expect(holdIndexAt(holds, maxEnds, 55, 0)).toBe(2);
    expect(holdIndexAt(holds, maxEnds, 70, 0)).toBe(0);
    expect(holdIndexAt(holds, maxEnds, 150, 0)).toBe(-1);
  });
});
