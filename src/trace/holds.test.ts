import { describe, expect, it } from 'vitest';
import { EventKind as K } from '../sync/kinds';
import { holdsOf } from './spans';
import { L, log, M } from './test-log.fixture';
import type { HoldSpan, TimedEvent } from './types';

// spansOf's sibling: who held which lock when (spans.ts).

describe('holdsOf', () => {
  const cases: { name: string; events: TimedEvent[]; endUs: number; holds: HoldSpan[] }[] = [
    {
      name: 'acquire→release per thread and object, sorted by start',
      events: log([
        [1, K.Acquire, M, 1, 2],
        [0, K.Acquire, L, 1, 3],
        [1, K.Release, M, 0, 5],
        [0, K.Release, L, 0, 8],
      ]),
      endUs: 10,
      holds: [
        { thread: 1, object: M, startUs: 2, endUs: 5 },
        { thread: 0, object: L, startUs: 3, endUs: 8 },
      ],
    },
    {
      name: 'RLock re-entry nests into one hold',
      events: log([
        [0, K.Acquire, L, 1, 1],
        [0, K.Acquire, L, 1, 2],
        [0, K.Release, L, 1, 3],
        [0, K.Release, L, 0, 4],
      ]),
      endUs: 10,
      holds: [{ thread: 0, object: L, startUs: 1, endUs: 4 }],
    },
    {
      name: 'a Release to 0 holders frees every level at once (a Condition wait on an RLock)',
      events: log([
        [0, K.Acquire, L, 1, 1],
        [0, K.Acquire, L, 1, 2],
        [0, K.Release, L, 0, 3],
        [0, K.Acquire, L, 1, 6],
      ]),
      endUs: 10,
      holds: [
        { thread: 0, object: L, startUs: 1, endUs: 3 },
        { thread: 0, object: L, startUs: 6, endUs: 10 },
      ],
    },
    {
      name: 'an RLock whose depth a Condition wait restored with one Acquire is held to its last Release',
      events: log([
        [0, K.Acquire, L, 1, 1],
        [0, K.Acquire, L, 1, 2],
        [0, K.Release, L, 0, 3],
        [0, K.Acquire, L, 1, 6],
        [0, K.Release, L, 1, 7],
        [0, K.Release, L, 0, 9],
      ]),
      endUs: 10,
      holds: [
        { thread: 0, object: L, startUs: 1, endUs: 3 },
        { thread: 0, object: L, startUs: 6, endUs: 9 },
      ],
    },
    {
      name: 'a semaphore release(2) lets go of both of the releaser’s permits',
      events: log([
        [0, K.Acquire, M, 1, 1],
        [0, K.Acquire, M, 2, 2],
        [1, K.Acquire, M, 3, 3],
        [0, K.Release, M, 1, 5],
        [1, K.Release, M, 0, 7],
      ]),
      endUs: 10,
      holds: [
        { thread: 0, object: M, startUs: 1, endUs: 5 },
        { thread: 1, object: M, startUs: 3, endUs: 7 },
      ],
    },
    {
      name: 'semaphore permits overlap; a release by a non-holder frees the longest holder',
      events: log([
        [0, K.Acquire, M, 1, 1],
        [1, K.Acquire, M, 2, 2],
        [2, K.Release, M, 1, 4],
        [1, K.Release, M, 0, 6],
      ]),
      endUs: 10,
      holds: [
        { thread: 0, object: M, startUs: 1, endUs: 4 },
        { thread: 1, object: M, startUs: 2, endUs: 6 },
      ],
    },
    {
      name: 'a Lock released by another thread closes its holder; unmatched holds run to endUs',
      events: log([
        [0, K.Acquire, L, 1, 1],
        [1, K.Release, L, 0, 3],
        [2, K.Acquire, M, 1, 4],
        [3, K.Release, 99, 0, 5],
      ]),
      endUs: 10,
      holds: [
        { thread: 0, object: L, startUs: 1, endUs: 3 },
        { thread: 2, object: M, startUs: 4, endUs: 10 },
      ],
    },
  ];
  it.each(cases)('$name', ({ events, endUs, holds }) => {
    expect(holdsOf(events, endUs)).toEqual(holds);
  });
});
