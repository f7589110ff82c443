// Sweeps recorded with `window.interleave.sweep` in headless Chromium on a 2-core VM shared with
// other busy programs (a student's laptop is busy too), with the demos' own lab presets. Rounded
// to 0.1 ms; medians and speedups as the sweep computed them.
import type { SweepResult } from '../runtime/contract-types';

export const recordedSweeps: Record<string, SweepResult> = {
  'io-vs-cpu-cpu': {
    hardwareConcurrency: 2,
    series: [
      {
        label: 'gil: off',
        params: { kind: 'cpu', gil: false },
        points: [
          { threads: 1, wallMs: [6642.0, 7846.2, 4062.4], medianMs: 6642.0, speedup: 1 },
          { threads: 2, wallMs: [3873.8, 2964.5, 2726.4], medianMs: 2964.5, speedup: 2.24 },
          { threads: 4, wallMs: [3394, 2668.3, 2842.9], medianMs: 2842.9, speedup: 2.336 },
          { threads: 8, wallMs: [3179.0, 2840.2, 2152.3], medianMs: 2840.2, speedup: 2.339 },
        ],
      },
      {
        label: 'gil: on',
        params: { kind: 'cpu', gil: true },
        points: [
          { threads: 1, wallMs: [4458.5, 3349.0, 3522.1], medianMs: 3522.1, speedup: 1 },
          { threads: 2, wallMs: [4243.4, 3279.0, 3275.7], medianMs: 3279.0, speedup: 1.074 },
          { threads: 4, wallMs: [4271.1, 4680.4, 3296.4], medianMs: 4271.1, speedup: 0.825 },
          { threads: 8, wallMs: [1307.4, 1344.0, 1743.2], medianMs: 1344.0, speedup: 2.621 },
        ],
      },
    ],
    amdahl: { serialFraction: 0 },
  },
  'io-vs-cpu-io': {
    hardwareConcurrency: 2,
    series: [
      {
        label: 'gil: off',
        params: { kind: 'io', gil: false },
        points: [
          { threads: 1, wallMs: [885.2, 943.8, 577.8], medianMs: 885.2, speedup: 1 },
          { threads: 2, wallMs: [295.6, 342.4, 394.9], medianMs: 342.4, speedup: 2.586 },
          { threads: 4, wallMs: [161.0, 164.2, 144.2], medianMs: 161.0, speedup: 5.497 },
          { threads: 8, wallMs: [87.9, 83.8, 83.9], medianMs: 83.9, speedup: 10.55 },
        ],
      },
      {
        label: 'gil: on',
        params: { kind: 'io', gil: true },
        points: [
          { threads: 1, wallMs: [510.8, 496.7, 486.7], medianMs: 496.7, speedup: 1 },
          { threads: 2, wallMs: [273.5, 259.9, 251.5], medianMs: 259.9, speedup: 1.911 },
          { threads: 4, wallMs: [139.1, 161.7, 254.0], medianMs: 161.7, speedup: 3.072 },
          { threads: 8, wallMs: [108.2, 119, 454.5], medianMs: 119, speedup: 4.174 },
        ],
      },
    ],
    amdahl: { serialFraction: 0 },
  },
  'too-many-threads': {
    hardwareConcurrency: 2,
    series: [
      {
        label: 'too-many-threads',
        params: {},
        points: [
          { threads: 1, wallMs: [3570.2, 3217.4], medianMs: 3393.8, speedup: 1 },
          { threads: 2, wallMs: [1854.4, 2074.4], medianMs: 1964.4, speedup: 1.728 },
          { threads: 4, wallMs: [2772.3, 2485.6], medianMs: 2628.9, speedup: 1.291 },
          { threads: 8, wallMs: [2347.8, 1583.3], medianMs: 1965.6, speedup: 1.727 },
          { threads: 16, wallMs: [1439.6, 1542.2], medianMs: 1490.9, speedup: 2.276 },
          { threads: 32, wallMs: [1774.6, 2507.3], medianMs: 2140.9, speedup: 1.585 },
        ],
      },
    ],
    amdahl: { serialFraction: 0.1619 },
  },
};
