// The thread programs the runtime figures run (the program model of docs/programs.md).

/** Four threads that do nothing: the fixed cost of a run. */
export const EMPTY_4_THREADS = `export const threads = 4;
export function thread(id) {}
`;

/** One thread that does nothing: "the pool accepts runs again". */
export const EMPTY_1_THREAD = `export const threads = 1;
export function thread(id) {}
`;

/**
 * Two locks taken in opposite orders. Each thread records the shared clock right before its
 * second acquire; the later of the two is when the cycle closed. The two meet at a barrier once
 * each holds its first lock: with a sleep instead, a thread that started more than the sleep
 * later (its worker slow to wake on a busy machine) found both locks taken by a thread that had
 * already ended, and the run ended stuck, not deadlocked.
 */
export const DEADLOCK = `const a = new Lock();
const b = new Lock();
const bothHoldOne = new Barrier(2);
const closedAt0 = new SharedFloat(0);
const closedAt1 = new SharedFloat(0);
export const threads = 2;
export function thread(id) {
  const first = id === 0 ? a : b;
  const second = id === 0 ? b : a;
  first.acquire();
  bothHoldOne.wait();
  (id === 0 ? closedAt0 : closedAt1).value = performance.timeOrigin + performance.now();
  second.acquire();
}
`;

/** Four threads spinning forever once they have said so. */
export const BUSY_4_THREADS = `export const threads = 4;
export function thread(id) {
  print('spinning');
  let x = 0;
  for (;;) x = (x + 1) | 0;
}
`;

/** A fixed total of CPU-bound work (params.totalMs) split over params.threads threads. */
export const CPU_BOUND = `export function thread(id) {
  work(params.totalMs / params.threads);
}
`;

/** A fixed total of 100 ms sleeps (params.sleeps) split over params.threads threads. */
export const IO_BOUND = `export function thread(id) {
  for (let i = 0; i < params.sleeps / params.threads; i++) sleep(100);
}
`;

/** Eight threads hammering one lock (params.iterations each), with an exact count to check. */
export const LOCK_HEAVY_8_THREADS = `const lock = new Lock();
const counter = new SharedInt(0);
export const threads = 8;
export function thread(id) {
  for (let i = 0; i < params.iterations; i++) {
    lock.acquire();
    counter.value = counter.value + 1;
    lock.release();
  }
}
export function check() {
  return counter.value === 8 * params.iterations || \`expected \${8 * params.iterations}, got \${counter.value}\`;
}
`;

/**
 * Two threads racing `counter.value = counter.value + 1` (params.iterations each, no sleep): one
 * traced read and write per iteration. Each thread records its loop's time in a SharedFloat.
 */
export const SHARED_COUNTER_LOOP = `const counter = new SharedInt(0);
const loopMs0 = new SharedFloat(0);
const loopMs1 = new SharedFloat(0);
export const threads = 2;
export function thread(id) {
  const start = performance.now();
  for (let i = 0; i < params.iterations; i++) counter.value = counter.value + 1;
  (id === 0 ? loopMs0 : loopMs1).value = performance.now() - start;
}
`;
