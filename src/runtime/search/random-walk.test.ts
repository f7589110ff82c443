import { describe, expect, it } from 'vitest';
import { createRandomWalk } from './random-walk';
import { viewOf } from './testing/views';

const R = { status: 'ready' } as const;
const B = { status: 'blocked' } as const;
const S = { status: 'sleeping' } as const;

describe('random walk', () => {
  it.each([
    { name: 'every ready thread, about evenly', threads: [R, R, R], picks: [0, 1, 2] },
    { name: 'never a blocked thread', threads: [R, B, R], picks: [0, 2] },
    { name: 'never a sleeper while a thread is ready', threads: [S, R], picks: [1] },
    { name: 'sleepers once nothing else can move', threads: [S, B, S], picks: [0, 2] },
  ] as const)('picks $name', ({ threads, picks }) => {
    const scheduler = createRandomWalk(42).next();
    if (!scheduler) throw new Error('a walk never runs out');
    const counts = new Map<number, number>();
    const trials = 3000;
    for (let i = 0; i < trials; i++) {
      const pick = scheduler(viewOf([], [...threads]));
      counts.set(pick, (counts.get(pick) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(picks);
    // Uniform: each share within 20 % of 1/n (about 6 standard deviations at 3000 trials).
    for (const count of counts.values()) {
      expect(Math.abs(count / trials - 1 / picks.length)).toBeLessThan(0.2 / picks.length);
    }
  });

  it('is reproducible from its seed', () => {
    const walk = (seed: number) => {
      const scheduler = createRandomWalk(seed).next();
      return Array.from({ length: 40 }, () => scheduler?.(viewOf([], [R, R, R])));
    };
    expect(walk(9)).toEqual(walk(9));
    expect(walk(9)).not.toEqual(walk(10));
  });
});
