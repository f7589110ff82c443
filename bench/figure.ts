// The shape docs/budgets.md prints for every figure, and the statistics the benchmarks share.

export type Unit = 'x' | 'ms' | 'KB' | 'count';

/** One printed figure; extra fields (baselines, samples) ride along. */
export type Figure = {
  value: number;
  unit: Unit;
  budget: string;
  pass: boolean;
  [extra: string]: unknown;
};

export type Figures = Record<string, Figure>;

/** The lab's median: throws on an empty list, which {@link measure} turns into a failed figure. */
export { medianOf as median } from '../src/lab/stats';

/** Rounds for printing: figures keep three significant decimals at most. */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A figure with no budget: measured and reported only. */
export function reported(value: number, unit: Unit, extra: Record<string, unknown> = {}): Figure {
  return { value: round(value), unit, budget: 'report', pass: true, ...extra };
}

/** Milliseconds since the epoch on the page: comparable with a worker's `timeOrigin + now()`. */
export function epochNowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Progress goes to the console; bench/run.mjs forwards it to stderr. */
export function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

/**
 * Measures one figure; a measurement that throws becomes a failed figure carrying the error, so
 * one broken benchmark does not hide the others.
 */
export async function measure(
  figures: Figures,
  name: string,
  unit: Unit,
  budget: string,
  run: () => Promise<Figure>,
): Promise<void> {
  progress(name);
  try {
    figures[name] = await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`${name} failed: ${message}`);
    figures[name] = { value: 0, unit, budget, pass: false, error: message };
  }
}
