/**
 * The busy-work kernel behind work(ms): a xorshift loop the JIT cannot skip, because its result
 * is kept. Calibrated once per pool, so work(ms) is a fixed amount of computation everywhere.
 */
let sink = 0;

export function spin(iterations: number): void {
  let x = (sink | 1) >>> 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  sink = x;
}

/** Iterations per millisecond on this core: the median of a few timed slices. */
export function calibrate(): number {
  spin(200_000);
  const rates: number[] = [];
  for (let k = 0; k < 7; k++) {
    const iterations = 500_000;
    const start = performance.now();
    spin(iterations);
    rates.push(iterations / Math.max(performance.now() - start, 0.01));
  }
  rates.sort((a, b) => a - b);
  return rates[3] ?? 100_000;
}

/** mulberry32: a small, fast generator of floats in [0, 1), the same stream for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator behind random(): the same seed and thread give the same stream. */
export function seededRandom(seed: number, thread: number): () => number {
  return mulberry32(Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(thread + 1, 0x85ebca6b));
}
