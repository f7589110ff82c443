import { describe, expect, it } from 'vitest';
import { GAP_FACTOR, MAX_PING_MS, MIN_PING_MS, pingLimitFor } from './crash-timing';

describe('pingLimitFor', () => {
  it('waits the least for a frame that has been talking steadily', () => {
    expect(pingLimitFor(10)).toBe(MIN_PING_MS);
    expect(pingLimitFor(0)).toBe(MIN_PING_MS);
  });

  it('waits several times the longest gap seen, for a frame that has been slow', () => {
    const gapMs = (MIN_PING_MS + MAX_PING_MS) / 2 / GAP_FACTOR;
    expect(pingLimitFor(gapMs)).toBe(GAP_FACTOR * gapMs);
  });

  it('never waits longer than the ceiling, however starved the frame was', () => {
    expect(pingLimitFor(60_000)).toBe(MAX_PING_MS);
  });

  it('moves within the limits it is given', () => {
    expect(pingLimitFor(5, 100, 200)).toBe(100);
    expect(pingLimitFor(500, 100, 200)).toBe(200);
  });
});
