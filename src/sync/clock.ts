/**
 * The one clock the primitives read, for timeouts only. Both browser workers and Node
 * worker_threads have a global `performance`; the sync project compiles without DOM or Node types,
 * so it is declared here by the two members used.
 */
declare const performance: { now(): number; readonly timeOrigin: number };

let virtualNow: (() => number) | null = null;

/**
 * Replaces the clock timeouts are measured on (step mode's virtual clock), or restores the real
 * one with `null`. Per thread: each worker sets it for the program thread it runs.
 */
export function setClock(now: (() => number) | null): void {
  virtualNow = now;
}

/** Milliseconds on this thread's monotonic clock (or on the virtual clock set by setClock). */
export function nowMs(): number {
  return virtualNow === null ? performance.now() : virtualNow();
}

/** Milliseconds since the epoch, comparable across threads (each worker has its own timeOrigin). */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** The absolute deadline for a timeout in ms; `undefined` or a negative timeout means none. */
export function deadlineOf(timeoutMs: number | undefined): number {
  if (
    timeoutMs === undefined ||
    timeoutMs === null ||
    timeoutMs < 0 ||
    !Number.isFinite(timeoutMs)
  ) {
    return Infinity;
  }
  return nowMs() + timeoutMs;
}
