import { describe, expect, it } from 'vitest';
import { EventKind } from '../sync/kinds';
import { withTimes } from './times';
import type { TraceEvent } from './types';

/** An Acquire event by thread 0 at `seq`, timed when `timeUs` is a number. */
const at = (seq: number, timeUs: number | null): TraceEvent => ({
  seq,
  thread: 0,
  kind: EventKind.Acquire,
  object: 0,
  aux: 1,
  timeUs,
});

describe('withTimes', () => {
  it.each([
    { name: 'empty', times: [], seqs: [], expected: [] },
    { name: 'all timed stay as they are', times: [5, 3, 9], seqs: [0, 1, 2], expected: [5, 3, 9] },
    { name: 'no timed event reads as 0', times: [null, null], seqs: [0, 1], expected: [0, 0] },
    {
      name: 'interpolates on seq between neighbours',
      times: [100, null, null, null, 200],
      seqs: [0, 1, 2, 3, 4],
      expected: [100, 125, 150, 175, 200],
    },
    {
      name: 'uses seq, not position (gaps from dropped events)',
      times: [0, null, 1000],
      seqs: [10, 11, 20],
      expected: [0, 100, 1000],
    },
    {
      name: 'before the first and after the last timed event take its time',
      times: [null, null, 40, null, 60, null],
      seqs: [0, 1, 2, 3, 4, 5],
      expected: [40, 40, 40, 50, 60, 60],
    },
    {
      name: 'each gap uses its own neighbours',
      times: [0, null, 10, null, null, 40],
      seqs: [0, 1, 2, 3, 4, 5],
      expected: [0, 5, 10, 20, 30, 40],
    },
  ])('$name', ({ times, seqs, expected }) => {
    const events = times.map((timeUs, i) => at(seqs[i] ?? i, timeUs));
    expect(withTimes(events).map((e) => e.timeUs)).toEqual(expected);
  });

  it('keeps every other field and does not mutate its input', () => {
    const events = [at(0, 10), { ...at(1, null), thread: 3, kind: EventKind.Release }, at(2, 20)];
    const timed = withTimes(events);
    expect(timed[1]).toEqual({ ...events[1], timeUs: 15 });
    expect(events[1]?.timeUs).toBeNull();
    expect(timed[0]).toBe(events[0]);
  });
});
