import { describe, expect, it } from 'vitest';
import {
  INITIAL_WARM,
  MAX_DEFER_MS,
  MAX_WARM,
  MIN_WARM,
  QUIET_MS,
  RECENT_RUNS,
  WARM_MARGIN,
  mayBoot,
  warmTarget,
  withPeak,
} from './warm-policy';

describe('warmTarget', () => {
  it('keeps the initial number warm before any run', () => {
    expect(warmTarget([], MAX_WARM)).toBe(INITIAL_WARM);
    expect(warmTarget([], 3)).toBe(3);
  });

  it('follows the largest recent run, plus the margin', () => {
    expect(warmTarget([4, 6, 2], MAX_WARM)).toBe(6 + WARM_MARGIN);
  });

  it('never keeps fewer than the minimum, nor more than the pool allows', () => {
    expect(warmTarget([1, 1], MAX_WARM)).toBe(MIN_WARM);
    expect(warmTarget([64], MAX_WARM)).toBe(MAX_WARM);
    expect(warmTarget([64], 4)).toBe(4);
  });

  it('keeps none in a pool that may keep none (a search or a sweep takes its parent’s)', () => {
    expect(warmTarget([], 0)).toBe(0);
    expect(warmTarget([8], 0)).toBe(0);
  });
});

describe('withPeak', () => {
  it('remembers only the most recent runs', () => {
    let peaks: number[] = [];
    for (let run = 1; run <= RECENT_RUNS + 3; run++) peaks = withPeak(peaks, run);
    expect(peaks).toHaveLength(RECENT_RUNS);
    expect(peaks[0]).toBe(4);
    expect(peaks.at(-1)).toBe(RECENT_RUNS + 3);
  });

  it('lets a big run fall out of the target once enough small ones followed it', () => {
    let peaks = withPeak([], 16);
    for (let run = 0; run < RECENT_RUNS; run++) peaks = withPeak(peaks, 2);
    expect(warmTarget(peaks, MAX_WARM)).toBe(MIN_WARM);
  });
});

describe('mayBoot', () => {
  const at = { nowMs: 10_000, shortSinceMs: 10_000 - 1 };

  it('boots once no worker is lent and none was taken or returned for a while', () => {
    expect(mayBoot({ ...at, lent: 0, loadedIdle: 3, lastActivityMs: at.nowMs - QUIET_MS })).toBe(
      true,
    );
  });

  it('waits while a run holds workers, or right after a take or a return', () => {
    const quiet = at.nowMs - 5 * QUIET_MS;
    expect(mayBoot({ ...at, lent: 4, loadedIdle: 3, lastActivityMs: quiet })).toBe(false);
    expect(mayBoot({ ...at, lent: 0, loadedIdle: 3, lastActivityMs: at.nowMs - 1 })).toBe(false);
  });

  it('goes ahead anyway once the refill has waited long enough and no loaded worker is left', () => {
    const waited = { nowMs: at.nowMs, shortSinceMs: at.nowMs - MAX_DEFER_MS };
    const busy = { ...waited, lent: 4, lastActivityMs: at.nowMs - 1 };
    expect(mayBoot({ ...busy, loadedIdle: 0 })).toBe(true);
    expect(mayBoot({ ...busy, loadedIdle: 1 })).toBe(false);
  });
});
