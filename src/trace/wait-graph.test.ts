import { describe, expect, it } from 'vitest';
import { BlockOp } from '../sync/kinds';
import type { CycleStep, WaitEdge } from './types';
import { stuckOf, cyclesOf, waitGraphOf, type WaitSnapshot } from './wait-graph';

type Row = WaitSnapshot['threads'][number];

/** A live thread blocked untimed on `blockedOn` (-1: running). */
const t = (
  id: number,
  blockedOn: number,
  op: BlockOp = BlockOp.Acquire,
  more: Partial<Row> = {},
) => ({
  id,
  alive: true,
  blockedOn,
  op,
  timed: false,
  ...more,
});

const snapshot = (threads: Row[], holders: [number, number[]][]): WaitSnapshot => ({
  threads,
  holders: new Map(holders),
});

/** Five philosophers, each holding fork i and waiting for fork i+1 (forks are objects 10…14). */
const philosophers = snapshot(
  [0, 1, 2, 3, 4].map((i) => t(i, 10 + ((i + 1) % 5))),
  [0, 1, 2, 3, 4].map((i) => [10 + i, [i]]),
);

describe('waitGraphOf', () => {
  it('has one edge per blocked live thread, with holders or the joined thread', () => {
    const graph = waitGraphOf(
      snapshot(
        [
          t(0, 10),
          t(1, -1),
          t(2, 3, BlockOp.Join),
          t(3, 11, BlockOp.Wait, { timed: true }),
          t(4, 10, BlockOp.Acquire, { alive: false }),
          t(5, 1, BlockOp.Join),
        ],
        [[10, [1]]],
      ),
    );
    expect(graph.edges).toEqual<WaitEdge[]>([
      { thread: 0, object: 10, op: BlockOp.Acquire, heldBy: [1], timed: false },
      { thread: 2, object: 3, op: BlockOp.Join, heldBy: [3], timed: false },
      { thread: 3, object: 11, op: BlockOp.Wait, heldBy: [], timed: true },
      { thread: 5, object: 1, op: BlockOp.Join, heldBy: [1], timed: false },
    ]);
  });

  it('a Join on a finished thread is held by nobody', () => {
    const graph = waitGraphOf(
      snapshot([t(0, 1, BlockOp.Join), t(1, -1, BlockOp.Acquire, { alive: false })], []),
    );
    expect(graph.edges[0]?.heldBy).toEqual([]);
  });
});

describe('cyclesOf', () => {
  const cases: { name: string; snapshot: WaitSnapshot; cycles: CycleStep[][] }[] = [
    {
      name: 'two threads, two locks',
      snapshot: snapshot(
        [t(2, 10), t(1, 11)],
        [
          [10, [1]],
          [11, [2]],
        ],
      ),
      cycles: [
        [
          { thread: 1, object: 11, op: BlockOp.Acquire, heldBy: 2 },
          { thread: 2, object: 10, op: BlockOp.Acquire, heldBy: 1 },
        ],
      ],
    },
    {
      name: 'five dining philosophers: one cycle, from thread 0',
      snapshot: philosophers,
      cycles: [
        [0, 1, 2, 3, 4].map((i) => ({
          thread: i,
          object: 10 + ((i + 1) % 5),
          op: BlockOp.Acquire,
          heldBy: (i + 1) % 5,
        })),
      ],
    },
    {
      name: 'a timed edge breaks the cycle',
      snapshot: snapshot(
        [t(0, 11), t(1, 10, BlockOp.Acquire, { timed: true })],
        [
          [10, [0]],
          [11, [1]],
        ],
      ),
      cycles: [],
    },
    {
      name: 'join cycle: 0 joins 1 while holding the lock 1 waits for',
      snapshot: snapshot([t(0, 1, BlockOp.Join), t(1, 10)], [[10, [0]]]),
      cycles: [
        [
          { thread: 0, object: 1, op: BlockOp.Join, heldBy: 1 },
          { thread: 1, object: 10, op: BlockOp.Acquire, heldBy: 0 },
        ],
      ],
    },
    {
      name: 'semaphore with several holders: a cycle through each holder that closes one',
      snapshot: snapshot(
        [t(0, 20), t(1, 10), t(2, -1), t(3, 10)],
        [
          [20, [2, 1, 3]],
          [10, [0]],
        ],
      ),
      cycles: [
        [
          { thread: 0, object: 20, op: BlockOp.Acquire, heldBy: 1 },
          { thread: 1, object: 10, op: BlockOp.Acquire, heldBy: 0 },
        ],
        [
          { thread: 0, object: 20, op: BlockOp.Acquire, heldBy: 3 },
          { thread: 3, object: 10, op: BlockOp.Acquire, heldBy: 0 },
        ],
      ],
    },
    {
      name: 'a thread waiting for a permit it holds itself',
      snapshot: snapshot([t(4, 20)], [[20, [4]]]),
      cycles: [[{ thread: 4, object: 20, op: BlockOp.Acquire, heldBy: 4 }]],
    },
    {
      name: 'waiting on a running holder is no cycle',
      snapshot: snapshot(
        [t(0, 10), t(1, 11), t(2, -1)],
        [
          [10, [1]],
          [11, [2]],
        ],
      ),
      cycles: [],
    },
    {
      name: 'no cycle though all are blocked (an Event nobody sets)',
      snapshot: snapshot([t(0, 30, BlockOp.Wait), t(1, 10)], [[10, [0]]]),
      cycles: [],
    },
  ];
  it.each(cases)('$name', ({ snapshot: s, cycles }) => {
    expect(cyclesOf(waitGraphOf(s))).toEqual(cycles);
  });

  it('stops at the limit when many threads share many permits', () => {
    // Eight threads each hold a permit of the semaphore all of them wait for: a complete graph.
    const ids = [0, 1, 2, 3, 4, 5, 6, 7];
    const all = snapshot(
      ids.map((i) => t(i, 20)),
      [[20, ids]],
    );
    expect(cyclesOf(waitGraphOf(all), 5)).toHaveLength(5);
    expect(cyclesOf(waitGraphOf(all), 1000).length).toBeGreaterThan(100);
  });

  it('reports every elementary cycle once, starting at its smallest thread', () => {
    const ids = [0, 1, 2];
    const all = snapshot(
      ids.map((i) => t(i, 20)),
      [[20, ids]],
    );
    const cycles = cyclesOf(waitGraphOf(all)).map((c) => c.map((s) => s.thread).join(''));
    // Self-loops 0, 1, 2; pairs 01, 02, 12; triangles 012 and 021.
    expect(cycles.sort()).toEqual(['0', '01', '012', '02', '021', '1', '12', '2']);
  });
});

describe('stuckOf', () => {
  it.each([
    {
      name: 'every live thread blocked untimed: stuck, with the waits',
      threads: [t(0, 30, BlockOp.Wait), t(1, 10), t(2, -1, BlockOp.Acquire, { alive: false })],
      stuck: [0, 1],
    },
    {
      name: 'one running thread: not stuck',
      threads: [t(0, 30, BlockOp.Wait), t(1, -1)],
      stuck: null,
    },
    {
      name: 'a timed wait ends by itself: not stuck',
      threads: [t(0, 30, BlockOp.Wait, { timed: true }), t(1, 10)],
      stuck: null,
    },
    {
      name: 'waiting for input waits for the learner: not stuck',
      threads: [t(0, 40, BlockOp.Input)],
      stuck: null,
    },
    {
      name: 'joining a thread that has ended is about to wake: not stuck',
      threads: [t(0, 1, BlockOp.Join), t(1, -1, BlockOp.Acquire, { alive: false })],
      stuck: null,
    },
    {
      name: 'joining each other is stuck (and a cycle)',
      threads: [t(0, 1, BlockOp.Join), t(1, 0, BlockOp.Join)],
      stuck: [0, 1],
    },
    {
      name: 'no live thread: not stuck',
      threads: [t(0, 10, BlockOp.Acquire, { alive: false })],
      stuck: null,
    },
  ])('$name', ({ threads, stuck }) => {
    const result = stuckOf(snapshot(threads, [[10, [0]]]));
    expect(result?.map((edge) => edge.thread) ?? null).toEqual(stuck);
  });

  it('returns each wait with what it waits for and who holds it', () => {
    const waits = stuckOf(snapshot([t(0, 30, BlockOp.Wait), t(1, 10)], [[10, [0]]]));
    expect(waits).toEqual<WaitEdge[]>([
      { thread: 0, object: 30, op: BlockOp.Wait, heldBy: [], timed: false },
      { thread: 1, object: 10, op: BlockOp.Acquire, heldBy: [0], timed: false },
    ]);
  });
});
