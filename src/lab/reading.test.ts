import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../runtime/contract-types';
import { amdahlSpeedup, fitAmdahl } from './amdahl';
import { noisySweeps } from './noisy-sweeps.fixture';
import { recordedSweeps } from './recorded-sweeps.fixture';
import { readingOf, TOO_NOISY } from './reading';
import { fittedSeriesOf } from './sweep';

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
const withFit = (result: SweepResult): SweepResult => {
  const fitted = fittedSeriesOf(result.series);
  if (!fitted) return result;
  const { serialFraction } = fitAmdahl(fitted.points, result.hardwareConcurrency);
  return { ...result, amdahl: { serialFraction } };
};

const textOf = (result: SweepResult) => {
  const reading = readingOf(withFit(result));
  return { reading, all: [...reading.series.flatMap((s) => s.sentences), reading.amdahl ?? ''] };
};

describe('readingOf on sweeps from a busy machine', () => {
  it.each([
    ['gilOnBeatsCoresFromSlowBaseline', ['gil: on', 'gil: off']],
    ['disagreeingRepeats', ['gil: on']],
    ['zigzag', ['gil: off']],
  ] as const)('%s: reads as too noisy, with no lesson and no Amdahl estimate', (name, noisy) => {
    const { reading } = textOf(noisySweeps[name]);
    for (const label of noisy) {
      const sentences = reading.series.find((s) => s.label === label)?.sentences ?? [];
      expect(sentences).toHaveLength(1);
      expect(sentences[0]).toContain(`${label}: ${TOO_NOISY} (`);
    }
    expect(reading.amdahl).toBeUndefined();
  });

  it('names the disagreement it saw', () => {
    const { all } = textOf(noisySweeps.disagreeingRepeats);
    expect(all.join(' ')).toMatch(
      /repeats at 1 thread differ by \d+% around their median \(more than 15%\)/,
    );
    expect(textOf(noisySweeps.zigzag).all.join(' ')).toMatch(
      /rose at 4 threads and fell again at 8/,
    );
    expect(textOf(noisySweeps.gilOnBeatsCoresFromSlowBaseline).all.join(' ')).toMatch(
      /one thread never waits for the GIL/,
    );
  });

  it('does not call an I/O speedup beyond the cores core-limited', () => {
    const { reading, all } = textOf(noisySweeps.ioBeatsCores);
    expect(reading.series[0]?.sentences.join(' ')).toContain('wait in parallel');
    expect(all.join(' ')).not.toMatch(/only the number of cores limits/);
    expect(reading.amdahl).toMatch(/beat the 2 hardware threads by waiting/);
  });

  it('states no Amdahl ceiling below a speedup it measured', () => {
    for (const result of Object.values(noisySweeps)) {
      const { reading } = textOf(result);
      const ceiling = /could exceed ([\d.]+)×/.exec(reading.amdahl ?? '')?.[1];
      const fitted = fittedSeriesOf(result.series);
      if (ceiling === undefined || !fitted) continue;
      for (const p of fitted.points) expect(p.speedup).toBeLessThanOrEqual(Number(ceiling));
    }
    expect(textOf(noisySweeps.oneLuckyPoint).reading.amdahl).toBeUndefined();
  });

  it('never gives a series both a lesson and a noise warning', () => {
    for (const result of Object.values(noisySweeps)) {
      for (const s of textOf(result).reading.series) {
        const noisy = s.sentences.some((x) => x.includes(TOO_NOISY));
        if (noisy) expect(s.sentences).toHaveLength(1);
      }
    }
  });

  it('reads a flat GIL-off series as serialised by something other than the GIL', () => {
    const { reading } = textOf(noisySweeps.coresTakenThroughout);
    expect(reading.series.map((s) => s.sentences.join(' ')).join(' ')).not.toContain(TOO_NOISY);
    expect(reading.amdahl).toMatch(/with the GIL off something else ran the threads one at a time/);
  });
});

describe('readingOf on sweeps recorded on a busy machine', () => {
  it.each(Object.keys(recordedSweeps))(
    '%s: no lesson, a noise warning naming what disagreed',
    (name) => {
      const result = recordedSweeps[name]!;
      const reading = readingOf(result);
      for (const series of reading.series) {
        expect(series.sentences).toHaveLength(1);
        expect(series.sentences[0]).toContain(`${series.label}: ${TOO_NOISY} (`);
      }
      expect(reading.amdahl).toBeUndefined();
    },
  );

  it('no longer reads the recorded CPU-bound GIL-on sweep as threads waiting in parallel', () => {
    const cpu = recordedSweeps['io-vs-cpu-cpu']!;
    // What the old reading said: the best GIL-on point beat the cores by chance.
    const gilOn = cpu.series.find((s) => s.label === 'gil: on')!;
    expect(Math.max(...gilOn.points.map((p) => p.speedup))).toBeGreaterThan(2 * 1.25);
    const text = readingOf(cpu)
      .series.flatMap((s) => s.sentences)
      .join(' ');
    expect(text).not.toMatch(/wait in parallel/);
  });
});
