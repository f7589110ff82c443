import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../runtime/contract-types';
import { fitAmdahl } from './amdahl';
import { noisySweeps } from './noisy-sweeps.fixture';
import { recordedSweeps } from './recorded-sweeps.fixture';
import { readingOf, TOO_NOISY } from './reading';
import { fittedSeriesOf } from './sweep';

// The reading of sweeps measured on a loaded machine: noisy points must be called noisy.

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
