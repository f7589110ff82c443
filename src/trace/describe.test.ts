import { describe, expect, it } from 'vitest';
import { BlockOp, ObjectKind } from '../sync/kinds';
import { describeCycle, describeStuck } from './describe';
import { namesOf } from './names';
import type { CycleStep, WaitEdge } from './types';

const names = namesOf(
  [
    { id: 0, name: 'main' },
    { id: 1, name: 'T1' },
    { id: 2, name: 'T2' },
    { id: 3, name: 'T3' },
  ],
  [
    { id: 10, kind: ObjectKind.Lock, name: 'forkA' },
    { id: 11, kind: ObjectKind.Lock, name: 'forkB' },
    { id: 12, kind: ObjectKind.Lock, name: 'forkC' },
    { id: 20, kind: ObjectKind.Semaphore, name: 'pool' },
    { id: 30, kind: ObjectKind.Event, name: 'ready' },
    { id: 31, kind: ObjectKind.Condition, name: 'cond' },
    { id: 32, kind: ObjectKind.Queue, name: 'jobs' },
    { id: 33, kind: ObjectKind.Barrier, name: 'gate' },
  ],
);

const step = (
  thread: number,
  object: number,
  heldBy: number,
  op: BlockOp = BlockOp.Acquire,
): CycleStep => ({
  thread,
  object,
  heldBy,
  op,
});

describe('describeCycle', () => {
  it.each([
    {
      cycle: [step(1, 11, 2), step(2, 10, 1)],
      text: 'T1 holds forkA and waits for forkB, which T2 holds; T2 holds forkB and waits for forkA, which T1 holds — neither can ever move.',
    },
    {
      cycle: [step(1, 11, 2), step(2, 12, 3), step(3, 10, 1)],
      text:
        'T1 holds forkA and waits for forkB, which T2 holds; T2 holds forkB and waits for forkC, which T3 holds; ' +
        'T3 holds forkC and waits for forkA, which T1 holds — none of them can ever move.',
    },
    {
      cycle: [step(0, 1, 1, BlockOp.Join), step(1, 10, 0)],
      text: 'main holds forkA and waits for T1 to finish; T1 waits for forkA, which main holds — neither can ever move.',
    },
    {
      cycle: [step(1, 20, 2), step(2, 10, 1)],
      text: 'T1 holds forkA and waits for a permit of pool, which T2 holds; T2 holds a permit of pool and waits for forkA, which T1 holds — neither can ever move.',
    },
    {
      cycle: [step(3, 20, 3)],
      text: 'T3 waits for a permit of pool, which it holds itself — it can never move.',
    },
    {
      cycle: [step(3, 3, 3, BlockOp.Join)],
      text: 'T3 waits for itself to finish — it can never move.',
    },
    {
      // A plain Cycle (no op) from a RunReport reads the same way.
      cycle: [
        { thread: 1, object: 11, heldBy: 2 },
        { thread: 2, object: 10, heldBy: 1 },
      ],
      text: 'T1 holds forkA and waits for forkB, which T2 holds; T2 holds forkB and waits for forkA, which T1 holds — neither can ever move.',
    },
  ])('$text', ({ cycle, text }) => {
    expect(describeCycle(cycle, names)).toBe(text);
  });
});

const wait = (thread: number, object: number, op: BlockOp, heldBy: number[] = []): WaitEdge => ({
  thread,
  object,
  op,
  heldBy,
  timed: false,
});

describe('describeStuck', () => {
  it.each([
    {
      waiting: [wait(0, 30, BlockOp.Wait)],
      text: 'The only live thread is waiting and nothing can wake it: main waits for ready (an Event nobody sets).',
    },
    {
      waiting: [wait(0, 30, BlockOp.Wait), wait(1, 10, BlockOp.Acquire, [0])],
      text:
        'Every live thread is waiting and none can wake the others: main waits for ready (an Event nobody sets); ' +
        'T1 waits for forkA, which main holds.',
    },
    {
      waiting: [
        wait(0, 31, BlockOp.Wait),
        wait(1, 32, BlockOp.Get),
        wait(2, 32, BlockOp.Put),
        wait(3, 33, BlockOp.Barrier),
      ],
      text:
        'Every live thread is waiting and none can wake the others: main waits on cond (a Condition nobody notifies); ' +
        'T1 waits to get from jobs (a Queue nobody puts into); T2 waits to put into jobs (a full Queue nobody takes from); ' +
        'T3 waits at gate (a Barrier still short of parties).',
    },
    {
      waiting: [
        wait(0, 20, BlockOp.Acquire),
        wait(1, 20, BlockOp.Acquire, [2, 3]),
        wait(2, 1, BlockOp.Join),
      ],
      text:
        'Every live thread is waiting and none can wake the others: main waits for a permit of pool (a Semaphore nobody releases); ' +
        'T1 waits for a permit of pool, which T2 and T3 hold; T2 waits for T1 to finish.',
    },
    {
      waiting: [wait(7, 99, BlockOp.Result)],
      text: 'The only live thread is waiting and nothing can wake it: thread 7 waits for the result of object #99.',
    },
  ])('$text', ({ waiting, text }) => {
    expect(describeStuck(waiting, names)).toBe(text);
  });
});

describe('names given by hand', () => {
  // The watchdog may name things straight from the heap, and pass waits without holders.
  const byHand = {
    thread: (id: number) => `T${id}`,
    object: (id: number) => ['lockA', 'lockB', 'done'][id] ?? '?',
    kind: (id: number) => ['Lock', 'Lock', 'Event'][id],
  };
  it.each([
    {
      waiting: [
        { thread: 1, object: 2, op: BlockOp.Wait },
        { thread: 2, object: 0, op: BlockOp.Acquire },
      ],
      text:
        'Every live thread is waiting and none can wake the others: T1 waits for done (an Event nobody sets); ' +
        'T2 waits for lockA (a Lock nobody releases).',
    },
  ])('$text', ({ waiting, text }) => {
    expect(describeStuck(waiting, byHand)).toBe(text);
  });

  it('words a cycle without kinds', () => {
    const plain = { thread: byHand.thread, object: byHand.object };
    const cycle = [step(1, 1, 2), step(2, 0, 1)];
    expect(describeCycle(cycle, plain)).toBe(
      'T1 holds lockA and waits for lockB, which T2 holds; T2 holds lockB and waits for lockA, which T1 holds — neither can ever move.',
    );
  });
});
