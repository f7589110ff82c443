// Speedups through the run API, as the lab measures them: RunReport.wallMs of the same total work
// on one thread vs many, alternating the two.
import type { ParamValue } from '../src/runtime/contract-types';
import type { Session } from '../src/runtime/session';
import { measure, median, round, type Figure, type Figures } from './figure';
import { expectOutcome, runCode } from './harness';
import { CPU_BOUND, IO_BOUND } from './programs';

const CPU_TOTAL_MS = 400;
/** 100 ms sleeps in all: 16 threads sleep twice each, one thread 32 times. */
const IO_SLEEPS = 32;
const IO_THREADS = 16;

/** `speedup`: the median over back-to-back pairs of (1-thread wallMs / many-thread wallMs). */
type Speedup = { speedup: number; oneMs: number[]; manyMs: number[] };

async function speedupOf(
  session: Session,
  code: string,
  threads: number,
  params: Record<string, ParamValue>,
  reps: number,
): Promise<Speedup> {
  const wallMs = async (n: number) =>
    expectOutcome(await runCode(session, code, { ...params, threads: n }), 'ok').wallMs;
  await wallMs(threads);
  const oneMs: number[] = [];
  const manyMs: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    oneMs.push(await wallMs(1));
    manyMs.push(await wallMs(threads));
  }
  // Each pair ran back to back, so load from elsewhere on the machine hits both halves alike.
  return { speedup: median(oneMs.map((one, i) => one / (manyMs[i] ?? NaN))), oneMs, manyMs };
}

function details(s: Speedup, threads: number): Record<string, unknown> {
  return {
    threads,
    oneThreadMedianMs: round(median(s.oneMs), 1),
    manyThreadsMedianMs: round(median(s.manyMs), 1),
    speedupOfMedians: round(median(s.oneMs) / median(s.manyMs), 2),
    oneThreadMs: s.oneMs,
    manyThreadsMs: s.manyMs,
  };
}

async function cpuGilOff(session: Session, cores: number): Promise<Figure> {
  const s = await speedupOf(session, CPU_BOUND, cores, { totalMs: CPU_TOTAL_MS, gil: false }, 7);
  const value = round(s.speedup, 2);
  const floor = round(0.85 * cores, 2);
  return {
    value,
    unit: 'x',
    budget: `≥ 0.85 × T = ${floor} (T = ${cores})`,
    pass: value >= floor,
    baseline: `the same ${CPU_TOTAL_MS} ms of work() on 1 thread`,
    ...details(s, cores),
  };
}

async function cpuGilOn(session: Session, cores: number): Promise<Figure> {
  const s = await speedupOf(session, CPU_BOUND, cores, { totalMs: CPU_TOTAL_MS, gil: true }, 7);
  const value = round(s.speedup, 2);
  return {
    value,
    unit: 'x',
    budget: '≤ 1.2',
    pass: value <= 1.2,
    baseline: `the same ${CPU_TOTAL_MS} ms of work() on 1 thread, GIL on`,
    ...details(s, cores),
  };
}

async function ioGilOn(session: Session): Promise<Figure> {
  const s = await speedupOf(session, IO_BOUND, IO_THREADS, { sleeps: IO_SLEEPS, gil: true }, 3);
  const value = round(s.speedup, 2);
  return {
    value,
    unit: 'x',
    budget: '≥ 10',
    pass: value >= 10,
    baseline: `the same ${IO_SLEEPS} sleep(100) calls on 1 thread, GIL on`,
    ...details(s, IO_THREADS),
  };
}

export async function speedupFigures(
  session: Session,
  wanted: (name: string) => boolean,
): Promise<Figures> {
  const figures: Figures = {};
  const cores = navigator.hardwareConcurrency;
  if (wanted('cpu-speedup-gil-off'))
    await measure(figures, 'cpu-speedup-gil-off', 'x', `≥ 0.85 × T (T = ${cores})`, () =>
      cpuGilOff(session, cores),
    );
  if (wanted('cpu-speedup-gil-on'))
    await measure(figures, 'cpu-speedup-gil-on', 'x', '≤ 1.2', () => cpuGilOn(session, cores));
  if (wanted('io-speedup-16-gil-on'))
    await measure(figures, 'io-speedup-16-gil-on', 'x', '≥ 10', () => ioGilOn(session));
  return figures;
}
