import { describe, expect, it } from 'vitest';
import { clampToRanges } from './knob-ranges';

const ranges = { threads: { min: 1, max: 16 }, iterations: { min: 1, max: 200 } };

describe('clampToRanges', () => {
  it.each([
    [{ threads: 64 }, { threads: 16 }, ['threads: 64 is outside 1–16; using 16.']],
    [{ iterations: 1e12 }, { iterations: 200 }, ['iterations: 1e12 is outside 1–200; using 200.']],
    [
      { threads: 0, fix: true },
      { threads: 1, fix: true },
      ['threads: 0 is outside 1–16; using 1.'],
    ],
  ])('%j → %j', (params, held, problems) => {
    const result = clampToRanges({ v: 1, demo: 'race-counter', params }, ranges);
    expect(result.state.params).toEqual(held);
    expect(result.problems).toEqual(problems);
  });

  it('leaves values in range, undeclared knobs and non-numbers alone', () => {
    const state = { v: 1 as const, demo: 'd', params: { threads: 16, other: 1e9, name: 'x' } };
    const result = clampToRanges(state, ranges);
    expect(result.state).toBe(state);
    expect(result.problems).toEqual([]);
  });

  it('changes nothing without ranges', () => {
    const state = { v: 1 as const, demo: 'd', params: { threads: 64 } };
    expect(clampToRanges(state, undefined).state).toBe(state);
  });
});
