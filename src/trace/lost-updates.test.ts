import { describe, expect, it } from 'vitest';
import { EventKind as K } from '../sync/kinds';
import { lostUpdateEventsOf, lostUpdatesOf, type LostUpdate } from './lost-updates';
import { LOCK, objects, SLOTS, trace, type Row } from './testing/value-trace';
import type { TraceEvent } from './types';

const lost = (variable: string, thread: number, wrote: number, by: number, value: number) =>
  ({ variable, thread, wrote, overwrote: { thread: by, value } }) satisfies LostUpdate;

describe('lostUpdatesOf', () => {
  it.each<{ name: string; rows: Row[]; expected: LostUpdate[] }>([
    {
      name: 'both read 0, both write 1: the later write destroys the earlier',
      rows: [
        [0, K.Read, 0],
        [1, K.Read, 0],
        [1, K.Write, 1],
        [0, K.Write, 1],
      ],
      expected: [lost('counter', 0, 1, 1, 1)],
    },
    {
      name: 'turns taken (read, write, read, write): none',
      rows: [
        [0, K.Read, 0],
        [0, K.Write, 1],
        [1, K.Read, 1],
        [1, K.Write, 2],
      ],
      expected: [],
    },
    {
      name: 'atomic adds only: none',
      rows: [
        [0, K.Add, 1],
        [1, K.Add, 2],
        [0, K.Add, 3],
      ],
      expected: [],
    },
    {
      name: 'an atomic add after a stale read is not stale',
      rows: [
        [0, K.Read, 0],
        [1, K.Add, 1],
        [0, K.Add, 2],
      ],
      expected: [],
    },
    {
      name: 'a stale write destroys an atomic add',
      rows: [
        [0, K.Read, 0],
        [1, K.Add, 1],
        [0, K.Write, 1],
      ],
      expected: [lost('counter', 0, 1, 1, 1)],
    },
    {
      name: 'a stale write destroys a successful compareExchange',
      rows: [
        [0, K.Read, 0],
        [1, K.Cas, 7],
        [0, K.Write, 1],
      ],
      expected: [lost('counter', 0, 1, 1, 7)],
    },
    {
      name: 'a failed compareExchange is a read: the write after it is up to date',
      rows: [
        [0, K.Read, 0],
        [1, K.Write, 3],
        [0, K.CasFailed, 3],
        [0, K.Write, 4],
      ],
      expected: [],
    },
    {
      name: 'a write by a thread that never read is not based on a read: never stale',
      rows: [
        [0, K.Write, 5],
        [1, K.Write, 6],
        [0, K.Write, 7],
      ],
      expected: [],
    },
    {
      name: 'but it can be destroyed by a stale one',
      rows: [
        [0, K.Read, 0],
        [1, K.Write, 5],
        [0, K.Write, 1],
      ],
      expected: [lost('counter', 0, 1, 1, 5)],
    },
    {
      name: 'a second write over one’s own is not another loss',
      rows: [
        [0, K.Read, 0],
        [1, K.Read, 0],
        [1, K.Write, 1],
        [0, K.Write, 1],
        [0, K.Write, 2],
      ],
      expected: [lost('counter', 0, 1, 1, 1)],
    },
    {
      name: 'three threads read 0: each later write destroys the one before',
      rows: [
        [0, K.Read, 0],
        [1, K.Read, 0],
        [2, K.Read, 0],
        [0, K.Write, 1],
        [1, K.Write, 1],
        [2, K.Write, 1],
      ],
      expected: [lost('counter', 1, 1, 0, 1), lost('counter', 2, 1, 1, 1)],
    },
    {
      name: 'array elements are separate variables',
      rows: [
        [0, K.Read, 0, SLOTS, 0],
        [0, K.Read, 0, SLOTS, 1],
        [1, K.Read, 0, SLOTS, 1],
        [1, K.Write, 9, SLOTS, 1],
        [0, K.Write, 1, SLOTS, 0],
        [0, K.Write, 10, SLOTS, 1],
      ],
      expected: [lost('slots[1]', 0, 10, 1, 9)],
    },
  ])('$name', ({ rows, expected }) => {
    expect(lostUpdatesOf(trace(rows), objects)).toEqual(expected);
  });

  it('ignores events without a value (locks, signals)', () => {
    const events: TraceEvent[] = [
      { seq: 0, thread: 0, kind: K.Acquire, object: LOCK, aux: 1, timeUs: null },
      { seq: 1, thread: 0, kind: K.Release, object: LOCK, aux: 0, timeUs: null },
    ];
    expect(lostUpdatesOf(events, objects)).toEqual([]);
  });

  it('names objects it does not know by id', () => {
    const rows: Row[] = [
      [0, K.Read, 0, 9],
      [1, K.Write, 1, 9],
      [0, K.Write, 1, 9],
    ];
    expect(lostUpdatesOf(trace(rows), objects)).toEqual([lost('object #9', 0, 1, 1, 1)]);
  });
});

describe('lostUpdateEventsOf', () => {
  it('points at the stale write, the read it was based on and the write it destroyed', () => {
    const rows: Row[] = [
      [0, K.Read, 4], // seq 0: T0 reads 4 …
      [1, K.Read, 4], // seq 1
      [1, K.Write, 5], // seq 2: T1 writes 5
      [0, K.Read, 5, SLOTS], // another variable: no effect on counter
      [0, K.Write, 5], // seq 4: … and writes 5 over T1's 5
    ];
    expect(lostUpdateEventsOf(trace(rows), objects)).toEqual([
      { ...lost('counter', 0, 5, 1, 5), seq: 4, read: { value: 4, seq: 0 }, overwroteSeq: 2 },
    ]);
  });

  it('an atomic add counts as the read a later stale write is based on', () => {
    const rows: Row[] = [
      [0, K.Add, 1],
      [1, K.Add, 2],
      [0, K.Write, 7],
    ];
    expect(lostUpdateEventsOf(trace(rows), objects)).toEqual([
      { ...lost('counter', 0, 7, 1, 2), seq: 2, read: { value: 1, seq: 0 }, overwroteSeq: 1 },
    ]);
  });
});

/** A seeded random number generator (mulberry32): the same interleavings every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Threads doing `counter = counter + 1` as a read and a write, interleaved at random: the trace and
 * the final value a real run would have.
 */
function racingIncrements(threads: number, increments: number, random: () => number) {
  let counter = 0;
  const rows: Row[] = [];
  const left = Array.from({ length: threads }, () => increments);
  const pending = new Map<number, number>();
  while (left.some((n) => n > 0) || pending.size > 0) {
    const thread = Math.floor(random() * threads);
    const read = pending.get(thread);
    if (read !== undefined) {
      counter = read + 1;
      rows.push([thread, K.Write, counter]);
      pending.delete(thread);
    } else if ((left[thread] ?? 0) > 0) {
      left[thread] = (left[thread] ?? 0) - 1;
      rows.push([thread, K.Read, counter]);
      pending.set(thread, counter);
    }
  }
  return { events: trace(rows), final: counter };
}

describe('lostUpdatesOf on racing increments', () => {
  it('accounts for every missing increment: expected − final = Σ (overwrote + 1 − wrote)', () => {
    const random = seeded(12);
    let runsWithLosses = 0;
    for (let run = 0; run < 200; run++) {
      const threads = 2 + (run % 4);
      const { events, final } = racingIncrements(threads, 25, random);
      const lostUpdates = lostUpdatesOf(events, objects);
      const destroyed = lostUpdates.reduce((sum, l) => sum + l.overwrote.value + 1 - l.wrote, 0);
      expect(threads * 25 - final).toBe(destroyed);
      // One entry may even give increments back (a stale write over a staler one, which wrote a
      // smaller value): only the sum is exact.
      if (lostUpdates.length > 0) runsWithLosses++;
    }
    expect(runsWithLosses).toBeGreaterThan(150);
  });
});
