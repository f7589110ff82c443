import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../runtime/contract-types';
import { sweepToCsv, sweepToJson } from './export';

const result: SweepResult = {
  hardwareConcurrency: 2,
  series: [
    {
      label: 'gil: off',
      params: { gil: false },
      points: [
        { threads: 1, wallMs: [100, 102.5], medianMs: 101.25, speedup: 1 },
        { threads: 2, wallMs: [50, 52], medianMs: 51, speedup: 1.9852941176470589 },
      ],
    },
    {
      label: 'say "hi", twice',
      params: { msg: 'hi' },
      points: [{ threads: 1, wallMs: [7], medianMs: 7, speedup: 1 }],
    },
  ],
  amdahl: { serialFraction: 0.0074 },
};

describe('sweepToCsv', () => {
  it('writes one row per repeat, quoting fields with commas and quotes (RFC 4180)', () => {
    expect(sweepToCsv(result).split('\r\n')).toEqual([
      'series,threads,repeat,wallMs,medianMs,speedup',
      'gil: off,1,1,100,101.25,1',
      'gil: off,1,2,102.5,101.25,1',
      'gil: off,2,1,50,51,1.9852941176470589',
      'gil: off,2,2,52,51,1.9852941176470589',
      '"say ""hi"", twice",1,1,7,7,1',
      '',
    ]);
  });

  it('writes only the header for an empty sweep', () => {
    expect(sweepToCsv({ hardwareConcurrency: 4, series: [] })).toBe(
      'series,threads,repeat,wallMs,medianMs,speedup\r\n',
    );
  });
});

describe('sweepToJson', () => {
  it('round-trips the SweepResult contract', () => {
    const text = sweepToJson(result);
    expect(JSON.parse(text)).toEqual(result);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
