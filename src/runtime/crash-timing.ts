// When the page takes its runner frame for dead. A crashed frame sends nothing and answers
// nothing, and no event says so; a living frame that is merely starved of the cores (64 spinning
// threads on two, or a program thrashing the garbage collector) also goes quiet for a while.
// Silence only makes the page ask (a ping costs one message), so it asks early; the verdict is
// the unanswered ping, whose time limit follows how quiet the frame has been while healthy:
// several times the longest gap seen between its messages, within a floor and a ceiling.

/** How long the frame may be silent, with work going, before the page pings it. */
export const SILENCE_MS = 1_500;
/** The ping's time limit: a healthy frame on a loaded machine answers well within the floor. */
export const MIN_PING_MS = 5_000;
/** A frame starved for longer than this is beyond saving. */
export const MAX_PING_MS = 10_000;
/** How many times the longest gap seen the page waits for the answer. */
export const GAP_FACTOR = 4;

/** The ping's time limit, given the longest gap seen between the frame's messages. */
export function pingLimitFor(
  longestGapMs: number,
  minMs = MIN_PING_MS,
  maxMs = MAX_PING_MS,
): number {
  return Math.min(Math.max(GAP_FACTOR * Math.max(0, longestGapMs), minMs), maxMs);
}
