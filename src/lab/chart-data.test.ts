import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../runtime/contract-types';
import { amdahlSpeedup } from './amdahl';
import { noisySweeps } from './noisy-sweeps.fixture';
import { speedupRowsOf, wallTimeRowsOf } from './chart-data';

const result: SweepResult = {
  hardwareConcurrency: 2,
  series: [
    {
      label: 'gil: off',
      params: { gil: false },
      points: [
        { threads: 1, wallMs: [90, 100, 110], medianMs: 100, speedup: 1 },
        { threads: 4, wallMs: [45, 50, 55], medianMs: 50, speedup: 2 },
      ],
    },
    {
      label: 'gil: on',
      params: { gil: true },
      points: [
        { threads: 1, wallMs: [100], medianMs: 100, speedup: 1 },
        { threads: 2, wallMs: [100], medianMs: 100, speedup: 1 },
        { threads: 4, wallMs: [125], medianMs: 125, speedup: 0.8 },
      ],
    },
  ],
  amdahl: { serialFraction: 0.1 },
};

describe('speedupRowsOf', () => {
  it('makes one row per thread count of any series, with ideals, the fit and the repeat band', () => {
    expect(speedupRowsOf(result)).toEqual([
      {
        threads: 1,
        ideal: 1,
        linear: 1,
        amdahl: 1,
        speedup: [1, 1],
        band: [
          [100 / 110, 100 / 90],
          [1, 1],
        ],
      },
      {
        threads: 2,
        ideal: 2,
        linear: 2,
        amdahl: amdahlSpeedup(0.1, 2),
        speedup: [null, 1],
        band: [null, [1, 1]],
      },
      {
        threads: 4,
        ideal: 2,
        linear: 4,
        amdahl: amdahlSpeedup(0.1, 2),
        speedup: [2, 0.8],
        band: [
          [100 / 55, 100 / 45],
          [0.8, 0.8],
        ],
      },
    ]);
  });

  it('has no Amdahl values without a fit, and no rows for an empty sweep', () => {
    const { amdahl: _, ...unfitted } = result;
    expect(speedupRowsOf(unfitted).every((row) => row.amdahl === null)).toBe(true);
    expect(speedupRowsOf({ hardwareConcurrency: 2, series: [] })).toEqual([]);
  });

  it('draws no Amdahl curve the reading does not state (noisy, or contradicted by the points)', () => {
    for (const sweep of [noisySweeps.zigzag, noisySweeps.oneLuckyPoint]) {
      const fitted = { ...sweep, amdahl: { serialFraction: 0.71 } };
      expect(speedupRowsOf(fitted).every((row) => row.amdahl === null)).toBe(true);
    }
  });
});

describe('wallTimeRowsOf', () => {
  it('compares the fewest threads with the fastest threaded median per series', () => {
    expect(wallTimeRowsOf(result)).toEqual([
      { label: 'gil: off', baseMs: 100, baseThreads: 1, bestMs: 50, bestThreads: 4 },
      { label: 'gil: on', baseMs: 100, baseThreads: 1, bestMs: 100, bestThreads: 2 },
    ]);
  });

  it('has no "after" with a single thread count', () => {
    const single: SweepResult = {
      hardwareConcurrency: 2,
      series: [
        { label: 'x', params: {}, points: [{ threads: 8, wallMs: [5], medianMs: 5, speedup: 8 }] },
      ],
    };
    expect(wallTimeRowsOf(single)).toEqual([
      { label: 'x', baseMs: 5, baseThreads: 8, bestMs: null, bestThreads: null },
    ]);
  });
});
