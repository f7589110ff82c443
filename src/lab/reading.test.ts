import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../runtime/contract-types';
import { amdahlSpeedup } from './amdahl';
import { readingOf } from './reading';

type Row = [threads: number, medianMs: number];

/** A series from (threads, median) rows; speedups against the first row, as the sweep does. */
const series = (
  label: string,
  rows: Row[],
  params: SweepResult['series'][number]['params'] = {},
) => {
  const baseMs = (rows[0]?.[1] ?? 1) * (rows[0]?.[0] ?? 1);
  return {
    label,
    params,
    points: rows.map(([threads, medianMs]) => ({
      threads,
      wallMs: [medianMs],
      medianMs,
      speedup: baseMs / medianMs,
    })),
  };
};

const sweep = (cores: number, ...list: ReturnType<typeof series>[]): SweepResult => ({
  hardwareConcurrency: cores,
  series: list,
});

describe('readingOf', () => {
  it.each([
    {
      name: 'flat with the GIL: only one thread runs at a time',
      result: sweep(
        2,
        series('gil: on', [
          [1, 1000],
          [2, 990],
          [4, 995],
          [8, 980],
        ]),
      ),
      expected: ['gil: on: 1.02× at 8 threads — only one thread runs at a time'],
      absent: [/ideal/, /grows again/],
    },
    {
      name: 'waiting threads beat the core count, close to ideal',
      result: sweep(
        2,
        series('kind: io', [
          [1, 760],
          [2, 385],
          [4, 195],
          [8, 100],
        ]),
      ),
      expected: [
        'kind: io: 7.6× at 8 threads, close to ideal, more than 2 hardware threads',
        'wait in parallel',
      ],
      absent: [/Beyond/],
    },
    {
      name: 'the same data read from an unhelpful label',
      result: sweep(
        2,
        series('run A', [
          [1, 760],
          [2, 385],
          [4, 195],
          [8, 100],
        ]),
      ),
      expected: ['run A: 7.6× at 8 threads, close to ideal', 'wait in parallel'],
      absent: [],
    },
    {
      name: 'CPU work up to the cores, then flat',
      result: sweep(
        2,
        series('gil: off', [
          [1, 800],
          [2, 410],
          [4, 405],
          [8, 404],
        ]),
      ),
      expected: [
        'gil: off: 1.98× at 8 threads, close to the ideal 2×',
        'Beyond 2 hardware threads CPU work cannot speed up further',
      ],
      absent: [/grows again/, /wait in parallel/],
    },
    {
      name: 'partial speedup names the shortfall',
      result: sweep(
        8,
        series('locked', [
          [1, 800],
          [2, 600],
          [4, 500],
          [8, 480],
        ]),
      ),
      expected: ['locked: 1.67× at 8 threads, short of the ideal 8×'],
      absent: [/Beyond/],
    },
    {
      name: 'time grows again past the best point',
      result: sweep(
        4,
        series('spawn', [
          [1, 800],
          [2, 420],
          [4, 220],
          [8, 240],
          [16, 300],
          [32, 520],
        ]),
      ),
      expected: [
        'spawn: 3.6× at 4 threads, close to the ideal 4×',
        'Beyond 4 hardware threads',
        'Past 4 threads the time grows again (2.4× longer at 32 threads): start-up and contention',
      ],
      absent: [],
    },
    {
      name: 'every thread count slower than one',
      result: sweep(
        2,
        series('contended', [
          [1, 100],
          [2, 180],
          [4, 300],
        ]),
      ),
      expected: [
        "contended: no thread count beat 1 thread; at 4 threads it ran at 0.33× — the threads only got in each other's way.",
      ],
      absent: [/grows again/],
    },
    {
      name: 'one thread count only',
      result: sweep(2, series('single', [[4, 100]])),
      expected: ['single: one thread count only'],
      absent: [],
    },
  ])('$name', ({ result, expected, absent }) => {
    const text = readingOf(result)
      .series.flatMap((s) => s.sentences)
      .join(' ');
    for (const part of expected) expect(text).toContain(part);
    for (const pattern of absent) expect(text).not.toMatch(pattern);
  });

  it.each([
    {
      s: 0.12,
      sentence:
        'About 12% of the work behaves as serial (Amdahl fit on "gil: off"), so no number of threads could exceed 8.3×.',
    },
    {
      s: 0.001,
      sentence:
        'Almost none of the work behaves as serial (Amdahl fit on "gil: off"): up to 8 threads, only the number of cores limits the speedup.',
    },
    {
      s: 0.97,
      sentence:
        'About 97% of the work behaves as serial (Amdahl fit on "gil: off"): extra threads cannot help, so with the GIL off something else ran the threads one at a time (a shared lock, or cores busy with other programs).',
    },
  ])('the Amdahl sentence for s = $s names the fitted series', ({ s, sentence }) => {
    // Points that follow the law at s on 8 cores, so the fit and the data agree.
    const rows = [1, 2, 4, 8].map((n): Row => [n, 800 / amdahlSpeedup(s, n, 8)]);
    const result: SweepResult = {
      ...sweep(8, series('gil: on', rows, { gil: true }), series('gil: off', rows, { gil: false })),
      amdahl: { serialFraction: s },
    };
    const reading = readingOf(result);
    expect(reading.amdahl).toBe(sentence);
    expect(reading.series.map((r) => r.label)).toEqual(['gil: on', 'gil: off']);
  });

  it('states no serial fraction the measured points contradict', () => {
    const rows: Row[] = [
      [1, 800],
      [2, 380],
      [4, 400],
    ];
    // 1 / 0.71 = 1.4×, below the 2.1× measured at two threads.
    const result = {
      ...sweep(2, series('gil: off', rows, { gil: false })),
      amdahl: { serialFraction: 0.71 },
    };
    expect(readingOf(result).amdahl).toBeUndefined();
  });

  it('has no Amdahl sentence without a fit', () => {
    expect(
      readingOf(
        sweep(
          2,
          series('a', [
            [1, 10],
            [2, 5],
          ]),
        ),
      ).amdahl,
    ).toBeUndefined();
  });
});

/** The sweep's own Amdahl step: fit the chosen series on the machine's cores. */
