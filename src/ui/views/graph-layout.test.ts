import { describe, expect, it } from 'vitest';
import { BlockOp, ObjectKind } from '../../sync/kinds';
import { namesOf } from '../../trace/names';
import type { WaitGraph } from '../../trace/types';
import { edgePath, waitGraphLayoutOf } from './graph-layout';

const names = namesOf(
  [
    { id: 0, name: 'T0' },
    { id: 1, name: 'T1' },
    { id: 2, name: 'T2' },
  ],
  [
    { id: 5, kind: ObjectKind.Lock, name: 'forkA' },
    { id: 6, kind: ObjectKind.Lock, name: 'forkB' },
  ],
);

const graph: WaitGraph = {
  edges: [
    { thread: 0, object: 6, op: BlockOp.Acquire, heldBy: [1], timed: false },
    { thread: 1, object: 5, op: BlockOp.Acquire, heldBy: [0], timed: false },
    { thread: 2, object: 0, op: BlockOp.Join, heldBy: [], timed: false },
  ],
};

describe('waitGraphLayoutOf', () => {
  const layout = waitGraphLayoutOf(
    graph,
    [
      [
        { thread: 0, object: 6, heldBy: 1 },
        { thread: 1, object: 5, heldBy: 0 },
      ],
    ],
    names,
    200,
  );
  it('puts the cycle first, alternating threads and objects around the circle', () => {
    expect(layout.nodes.map((n) => [n.label, n.inCycle])).toEqual([
      ['T0', true],
      ['forkB', true],
      ['T1', true],
      ['forkA', true],
      ['T2', false],
    ]);
    expect(layout.nodes[0]).toMatchObject({ kind: 'thread', xPx: 100, yPx: 44 });
  });
  it('links waits-for and held-by edges, joins thread to thread', () => {
    expect(layout.edges).toEqual([
      { from: 't0', to: 'o6', kind: 'waits', inCycle: true },
      { from: 'o6', to: 't1', kind: 'held', inCycle: true },
      { from: 't1', to: 'o5', kind: 'waits', inCycle: true },
      { from: 'o5', to: 't0', kind: 'held', inCycle: true },
      { from: 't2', to: 't0', kind: 'waits', inCycle: false },
    ]);
  });
  it('has no nodes when nothing waits', () => {
    const single = waitGraphLayoutOf({ edges: [] }, [], names, 200);
    expect(single.nodes).toEqual([]);
  });
});

describe('edgePath', () => {
  it('starts and ends outside the node shapes and bends to one side', () => {
    const thread = { xPx: 0, yPx: 0, kind: 'thread' } as const;
    const object = { xPx: 100, yPx: 0, kind: 'object' } as const;
    expect(edgePath(thread, object)).toBe('M29 0 Q50 12 65 0');
  });
});
