import { describe, expect, it } from 'vitest';
import type { StateSpan } from '../../trace/types';
import { compactRecording, laneBudget, resampleLane } from './compact-recording';
import type { Recording } from './recording';

const span = (startUs: number, endUs: number, state: StateSpan['state']): StateSpan => ({
  thread: 0,
  state,
  startUs,
  endUs,
});

describe('laneBudget', () => {
  it.each([
    { counts: [10, 20], cap: 100, budget: Number.POSITIVE_INFINITY },
    { counts: [10, 1000], cap: 100, budget: 90 },
    { counts: [1000, 1000, 10], cap: 100, budget: 45 },
  ])('$counts under $cap → $budget', ({ counts, cap, budget }) => {
    expect(laneBudget(counts, cap)).toBe(budget);
  });
});

describe('resampleLane', () => {
  it('keeps long spans and folds short ones into the state that took most of the chunk', () => {
    const lane = [
      span(0, 100, 'running'),
      span(100, 103, 'waiting'),
      span(103, 104, 'running'),
      span(104, 110, 'waiting'),
      span(110, 200, 'done'),
    ];
    expect(resampleLane(lane, 10)).toEqual([
      span(0, 100, 'running'),
      span(100, 110, 'waiting'),
      span(110, 200, 'done'),
    ]);
  });
});

describe('compactRecording', () => {
  it('fits the span cap, rounds times and keeps the lane covering the whole run', () => {
    const spans = Array.from({ length: 1000 }, (_, i) =>
      span(i + 0.4, i + 1.4, i % 2 ? 'waiting' : 'running'),
    );
    const recording: Recording = {
      v: 1,
      demo: 'x',
      params: {},
      report: { outcome: 'ok', output: [] } as unknown as Recording['report'],
      threads: [{ id: 0, name: 'main' }],
      objects: [],
      spans,
      holds: [],
      arrows: [],
      markers: [],
      totalUs: 1000.4,
    };
    const small = compactRecording(recording, { spans: 100, holds: 10, arrows: 10, output: 1 });
    expect(small.spans.length).toBeLessThanOrEqual(100);
    expect(small.totalUs).toBe(1000);
    expect(small.spans[0]?.startUs).toBe(0);
    expect(small.spans.at(-1)?.endUs).toBe(1000);
    expect(small.spans.every((s) => Number.isInteger(s.startUs) && Number.isInteger(s.endUs))).toBe(
      true,
    );
  });
});
