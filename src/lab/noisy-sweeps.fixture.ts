// Sweeps shaped like the ones a busy 2-core machine gives (5 repeats a point, times in ms): other
// programs take a core for a while, so a few repeats or a whole point run slow. Each is modelled on
// a reading that went wrong in the lab, named after what was read from it.
import type { SweepPoint, SweepResult } from '../runtime/contract-types';
import { medianOf } from './stats';

type Row = [threads: number, wallMs: number[]];
type Series = SweepResult['series'][number];

/** Medians and speedups exactly as the sweep computes them: against the measured one thread. */
export function measuredSeries(label: string, params: Series['params'], rows: Row[]): Series {
  const points = rows.map(([threads, wallMs]) => ({ threads, wallMs, medianMs: medianOf(wallMs) }));
  const oneMs = points.find((p) => p.threads === 1)?.medianMs ?? NaN;
  return {
    label,
    params,
    points: points.map((p): SweepPoint => ({ ...p, speedup: oneMs / p.medianMs })),
  };
}

const twoCores = (...series: Series[]): SweepResult => ({ hardwareConcurrency: 2, series });

export const noisySweeps = {
  /** A CPU-bound sweep whose GIL-on one-thread point ran while another program held a core. */
  gilOnBeatsCoresFromSlowBaseline: twoCores(
    measuredSeries('gil: on', { gil: true, kind: 'cpu' }, [
      [1, [1490, 1522, 1470, 1545, 1508]],
      [2, [512, 498, 530, 505, 520]],
      [4, [515, 509, 522, 540, 501]],
      [8, [519, 526, 508, 511, 533]],
    ]),
    measuredSeries('gil: off', { gil: false, kind: 'cpu' }, [
      [1, [505, 498, 512, 520, 501]],
      [2, [262, 270, 258, 266, 281]],
      [4, [270, 265, 268, 275, 262]],
      [8, [272, 280, 266, 270, 277]],
    ]),
  ),
  /** Repeats of the one-thread point that disagree: some ran alone, some shared the cores. */
  disagreeingRepeats: twoCores(
    measuredSeries('gil: on', { gil: true, kind: 'cpu' }, [
      [1, [612, 1480, 1790, 1655, 702]],
      [2, [540, 498, 610, 515, 530]],
      [4, [522, 560, 505, 541, 530]],
    ]),
  ),
  /** Tight repeats, but the curve goes down, up and down again: a busy spell during 4 threads. */
  zigzag: twoCores(
    measuredSeries('gil: off', { gil: false }, [
      [1, [800, 806, 795, 812, 801]],
      [2, [421, 418, 430, 415, 425]],
      [4, [702, 695, 710, 688, 705]],
      [8, [412, 420, 409, 415, 418]],
    ]),
  ),
  /** Two threads ran at 2.1× while the other counts fell back to one thread's speed. */
  oneLuckyPoint: twoCores(
    measuredSeries('gil: off', { gil: false }, [
      [1, [800, 792, 810, 805, 798]],
      [2, [381, 379, 385, 383, 380]],
      [4, [760, 771, 755, 768, 762]],
      [8, [780, 775, 790, 782, 786]],
      [16, [790, 795, 788, 801, 792]],
    ]),
  ),
  /** An I/O-bound sweep: waiting threads beat the cores, cleanly. */
  ioBeatsCores: twoCores(
    measuredSeries('kind: io', { gil: false, kind: 'io' }, [
      [1, [481, 486, 479, 490, 483]],
      [2, [245, 249, 243, 251, 246]],
      [4, [126, 128, 124, 131, 125]],
      [8, [80, 82, 79, 84, 81]],
    ]),
    measuredSeries('kind: cpu', { gil: false, kind: 'cpu' }, [
      [1, [505, 498, 512, 520, 501]],
      [2, [262, 270, 258, 266, 281]],
      [4, [270, 265, 268, 275, 262]],
      [8, [272, 280, 266, 270, 277]],
    ]),
  ),
  /** The cores were busy with other programs the whole time: the GIL made no difference. */
  coresTakenThroughout: twoCores(
    measuredSeries('gil: on', { gil: true }, [
      [1, [802, 795, 810, 799, 806]],
      [2, [805, 812, 798, 801, 809]],
      [4, [810, 803, 799, 815, 806]],
    ]),
    measuredSeries('gil: off', { gil: false }, [
      [1, [798, 806, 801, 795, 803]],
      [2, [790, 801, 796, 788, 799]],
      [4, [799, 792, 805, 801, 796]],
    ]),
  ),
} satisfies Record<string, SweepResult>;
