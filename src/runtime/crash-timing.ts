// When the page takes its runner frame for dead. A crashed frame sends nothing and answers
// nothing, and no event says so; a living frame that is merely starved of the cores (64 spinning
// threads on two) also goes quiet for a while. How quiet it has been while healthy is the measure:
// the page pings after a silence several times the longest gap it has seen between the frame's
// messages, and waits as long again for the answer, within fixed floors and ceilings.

export type CrashTiming = { silenceMs: number; pingMs: number };

/** The longest the page ever waits: a frame starved for longer than this is beyond saving. */
export const MAX_CRASH_TIMING: CrashTiming = { silenceMs: 5_000, pingMs: 10_000 };
/** The shortest: a healthy frame on a loaded machine answers a ping well within these. */
export const MIN_CRASH_TIMING: CrashTiming = { silenceMs: 2_000, pingMs: 5_000 };
/** How many times the longest gap seen the page waits, for silence and for the ping alike. */
export const GAP_FACTOR = 4;

/** The silence before a ping, and the ping's time limit, given the longest gap seen so far. */
export function crashTimingFor(
  longestGapMs: number,
  min: CrashTiming = MIN_CRASH_TIMING,
  max: CrashTiming = MAX_CRASH_TIMING,
): CrashTiming {
  const scaled = GAP_FACTOR * Math.max(0, longestGapMs);
  const within = (low: number, high: number) => Math.min(Math.max(scaled, low), high);
  return {
    silenceMs: within(min.silenceMs, max.silenceMs),
    pingMs: within(min.pingMs, max.pingMs),
  };
}
