import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from './amdahl';

const THREADS = [1, 2, 4, 8, 16, 32];
const perfect = (s: number, cores = Infinity) =>
  THREADS.map((threads) => ({ threads, speedup: amdahlSpeedup(s, threads, cores) }));

describe('amdahlSpeedup', () => {
  it.each([
    { s: 0, n: 8, cores: Infinity, speedup: 8 },
    { s: 0, n: 8, cores: 2, speedup: 2 },
    { s: 1, n: 8, cores: Infinity, speedup: 1 },
    { s: 0.5, n: 2, cores: Infinity, speedup: 4 / 3 },
    { s: 0.1, n: 1, cores: 4, speedup: 1 },
  ])('s=$s on $n threads, $cores cores → $speedup', ({ s, n, cores, speedup }) => {
    expect(amdahlSpeedup(s, n, cores)).toBeCloseTo(speedup, 12);
  });
});

describe('fitAmdahl', () => {
  it.each([0, 0.05, 0.12, 0.5, 0.9, 1])('recovers s=%s exactly from perfect data', (s) => {
    const fit = fitAmdahl(perfect(s));
    expect(fit.serialFraction).toBeCloseTo(s, 6);
    expect(fit.rmse).toBeLessThan(1e-6);
  });

  it.each([
    {
      name: 'flat data (s = 1)',
      points: THREADS.map((threads) => ({ threads, speedup: 1 })),
      s: 1,
    },
    {
      name: 'linear data (s = 0)',
      points: THREADS.map((threads) => ({ threads, speedup: threads })),
      s: 0,
    },
    {
      name: 'better than linear clamps to 0',
      points: THREADS.map((threads) => ({ threads, speedup: threads * 1.2 })),
      s: 0,
    },
    {
      name: 'slower than one thread clamps to 1',
      points: THREADS.map((threads) => ({ threads, speedup: 1 / threads })),
      s: 1,
    },
  ])('$name', ({ points, s }) => {
    expect(fitAmdahl(points).serialFraction).toBeCloseTo(s, 6);
  });

  it('limits parallelism to the cores: 2× on 2 cores is no serial work at any thread count', () => {
    const points = THREADS.map((threads) => ({ threads, speedup: Math.min(threads, 2) }));
    expect(fitAmdahl(points, 2).serialFraction).toBeCloseTo(0, 6);
    expect(fitAmdahl(points).serialFraction).toBeGreaterThan(0.4);
  });

  it('fits noisy data within tolerance', () => {
    const noise = [0.03, -0.04, 0.02, -0.05, 0.04, -0.02];
    for (const s of [0.1, 0.3]) {
      const points = perfect(s, 4).map((p, i) => ({
        ...p,
        speedup: p.speedup * (1 + (noise[i] ?? 0)),
      }));
      const fit = fitAmdahl(points, 4);
      expect(Math.abs(fit.serialFraction - s)).toBeLessThan(0.05);
      expect(fit.rmse).toBeLessThan(0.2);
    }
  });

  it('with nothing above one effective thread, reports no observed parallelism', () => {
    expect(fitAmdahl([{ threads: 1, speedup: 1 }])).toEqual({ serialFraction: 1, rmse: 0 });
    expect(fitAmdahl([], 8).serialFraction).toBe(1);
    expect(fitAmdahl(perfect(0.2), 1).serialFraction).toBe(1);
  });
});
