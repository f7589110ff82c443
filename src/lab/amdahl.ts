// Amdahl's law with a core limit: a program whose serial fraction is `s` runs on `n` threads in
// s + (1 - s) / p of its one-thread time, where p = min(n, cores) is how many threads can compute
// at once. Gene Amdahl, "Validity of the single processor approach to achieving large scale
// computing capabilities", AFIPS 1967.

export type SpeedupSample = { threads: number; speedup: number };

export type AmdahlFit = { serialFraction: number; rmse: number };

/** The speedup Amdahl's law predicts on `threads` threads, `cores` of which compute at once. */
export function amdahlSpeedup(
  serialFraction: number,
  threads: number,
  cores: number = Infinity,
): number {
  const parallel = Math.max(1, Math.min(threads, cores));
  return 1 / (serialFraction + (1 - serialFraction) / parallel);
}

const rmseOf = (points: readonly SpeedupSample[], s: number, cores: number): number => {
  if (points.length === 0) return 0;
  const squares = points.map((p) => (p.speedup - amdahlSpeedup(s, p.threads, cores)) ** 2);
  return Math.sqrt(squares.reduce((a, b) => a + b, 0) / points.length);
};

// Golden-section search: the error is smooth in s, and a coarse grid first keeps the search in
// the valley of the global minimum even when noisy data make the curve not quite unimodal.
const GRID = 64;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Least-squares fit of the serial fraction `s` in [0, 1] to measured speedups (relative to one
 * thread), minimising the error in speedup itself rather than in 1/speedup so that the points
 * the chart shows are the ones fitted. With no point above one effective thread there is nothing
 * to fit: every `s` predicts 1×, and the answer is `s = 1` (no parallelism was observed).
 */
export function fitAmdahl(
  points: readonly SpeedupSample[],
  hardwareConcurrency: number = Infinity,
): AmdahlFit {
  const usable = points.filter((p) => Number.isFinite(p.speedup) && p.speedup > 0);
  if (!usable.some((p) => Math.min(p.threads, hardwareConcurrency) > 1)) {
    return { serialFraction: 1, rmse: rmseOf(usable, 1, hardwareConcurrency) };
  }
  const error = (s: number) => rmseOf(usable, s, hardwareConcurrency);
  let best = 0;
  for (let i = 1; i <= GRID; i++) if (error(i / GRID) < error(best / GRID)) best = i;
  let lo = Math.max(0, (best - 1) / GRID);
  let hi = Math.min(1, (best + 1) / GRID);
  let a = hi - GOLDEN * (hi - lo);
  let b = lo + GOLDEN * (hi - lo);
  while (hi - lo > 1e-10) {
    if (error(a) < error(b)) {
      hi = b;
      b = a;
      a = hi - GOLDEN * (hi - lo);
    } else {
      lo = a;
      a = b;
      b = lo + GOLDEN * (hi - lo);
    }
  }
  const candidates = [0, 1, (lo + hi) / 2];
  const serialFraction = candidates.reduce((x, y) => (error(y) < error(x) ? y : x));
  return { serialFraction, rmse: error(serialFraction) };
}
