import { TICK_HOOK } from '../position-map';

/**
 * How many ticks (loop iterations, function entries) pass between two calls of the handler: a
 * counter keeps the check a decrement and a compare, and a GIL checkpoint every 100 ticks is still
 * microseconds apart in a tight loop, far inside the 5 ms switch interval.
 */
export const TICKS_PER_CHECK = 100;

let handler: (() => void) | null = null;
let every = TICKS_PER_CHECK;
let left = every;

function tick(): void {
  if (--left > 0) return;
  left = every;
  handler?.();
}

// Defined once per worker, non-writable and non-configurable: a program cannot replace the hook
// its own instrumented code calls (src/runtime/instrument.ts).
if (!Object.hasOwn(globalThis, TICK_HOOK)) {
  Object.defineProperty(globalThis, TICK_HOOK, {
    value: tick,
    writable: false,
    configurable: false,
  });
}

/**
 * What the learner's code does every `ticksPerCall` ticks in the thread now running on this worker
 * (null: nothing, and the program is evaluated without ticks). With the GIL on, the thread's
 * checkpoint.
 */
export function setTickHandler(next: (() => void) | null, ticksPerCall = TICKS_PER_CHECK): void {
  handler = next;
  every = Math.max(1, Math.floor(ticksPerCall));
  left = every;
}

/**
 * Whether programs evaluated now need the ticks. Even a counter costs a tight loop 2–5× its time
 * (measured in `npm run bench`), so code that nobody checks in on runs as the learner wrote it.
 */
export function ticking(): boolean {
  return handler !== null;
}
