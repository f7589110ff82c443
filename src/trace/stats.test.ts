import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind as K, ObjectKind, WakeResult } from '../sync/kinds';
import { statsOf } from './stats';
import type { TraceEvent } from './types';

const log = (rows: [number, K, number, number][]): TraceEvent[] =>
  rows.map(([thread, kind, object, aux], seq) => ({
    seq,
    thread,
    kind,
    object,
    aux,
    timeUs: null,
  }));

const objects = [
  { id: 1, kind: ObjectKind.Lock, name: 'lock' },
  { id: 2, kind: ObjectKind.Semaphore, name: 'pool' },
];

describe('statsOf', () => {
  it.each([
    {
      name: 'no events',
      events: [],
      stats: { events: 0, acquisitions: 0, contended: 0, maxHolders: {} },
    },
    {
      name: 'counts acquisitions, contended blocks (op Acquire only) and the most holders per object',
      events: log([
        [0, K.Acquire, 1, 1],
        [1, K.Block, 1, BlockOp.Acquire],
        [0, K.Release, 1, 0],
        [1, K.Wake, 1, WakeResult.Ok],
        [1, K.Acquire, 1, 1],
        [0, K.Acquire, 2, 1],
        [1, K.Acquire, 2, 2],
        [2, K.Block, 2, BlockOp.Wait],
        [0, K.Release, 2, 1],
        [2, K.Acquire, 2, 2],
        [3, K.Acquire, 9, 1],
      ]),
      stats: {
        events: 11,
        acquisitions: 6,
        contended: 1,
        maxHolders: { lock: 1, pool: 2, 'object #9': 1 },
      },
    },
  ])('$name', ({ events, stats }) => {
    expect(statsOf(events, objects)).toEqual(stats);
  });
});
