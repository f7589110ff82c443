import { describe, expect, it } from 'vitest';
import { crashTimingFor, GAP_FACTOR, MAX_CRASH_TIMING, MIN_CRASH_TIMING } from './crash-timing';

describe('crashTimingFor', () => {
  it('waits the least for a frame that has been talking steadily', () => {
    expect(crashTimingFor(10)).toEqual(MIN_CRASH_TIMING);
    expect(crashTimingFor(0)).toEqual(MIN_CRASH_TIMING);
  });

  it('waits several times the longest gap seen, for a frame that has been slow', () => {
    expect(crashTimingFor(1_000)).toEqual({
      silenceMs: Math.min(GAP_FACTOR * 1_000, MAX_CRASH_TIMING.silenceMs),
      pingMs: Math.max(GAP_FACTOR * 1_000, MIN_CRASH_TIMING.pingMs),
    });
  });

  it('never waits longer than the ceiling, however starved the frame was', () => {
    expect(crashTimingFor(60_000)).toEqual(MAX_CRASH_TIMING);
  });

  it('moves within the limits it is given', () => {
    const min = { silenceMs: 10, pingMs: 20 };
    const max = { silenceMs: 100, pingMs: 200 };
    expect(crashTimingFor(5, min, max)).toEqual({ silenceMs: 20, pingMs: 20 });
  });
});
