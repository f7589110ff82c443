import { describe, expect, it } from 'vitest';
import { BlockOp, ObjectKind } from '../../sync/kinds';
import { namesOf } from '../../trace/names';
import type { StateSpan } from '../../trace/types';
import { describeItem, spanLabel, spanObject, timelineSummaryOf } from './span-text';

const names = namesOf(
  [
    { id: 0, name: 'main' },
    { id: 1, name: 'T1' },
  ],
  [{ id: 3, kind: ObjectKind.Lock, name: 'forkB' }],
);
const waiting = (op: BlockOp, object: number): StateSpan => ({
  thread: 0,
  state: 'waiting',
  startUs: 1000,
  endUs: 3500,
  object,
  op,
});

describe('spanLabel', () => {
  it('says what a waiting thread waits for', () => {
    expect(spanLabel(waiting(BlockOp.Acquire, 3), names)).toBe('waits forkB');
    expect(spanLabel(waiting(BlockOp.Join, 1), names)).toBe('joins T1');
    expect(spanLabel(waiting(BlockOp.Get, 3), names)).toBe('get forkB');
    expect(spanLabel({ thread: 0, state: 'gil-wait', startUs: 0, endUs: 1 }, names)).toBe('GIL');
  });
  it('names the object, or the joined thread', () => {
    expect(spanObject(waiting(BlockOp.Acquire, 3), names)).toBe('forkB');
    expect(spanObject(waiting(BlockOp.Join, 1), names)).toBe('T1');
    expect(spanObject({ thread: 0, state: 'running', startUs: 0, endUs: 1 }, names)).toBe('');
  });
});

describe('describeItem', () => {
  it('describes a span and a hold', () => {
    expect(describeItem(waiting(BlockOp.Acquire, 3), names)).toEqual([
      'waiting: waits forkB',
      'thread main',
      'start 1 ms',
      'duration 2.5 ms',
    ]);
    expect(describeItem({ thread: 1, object: 3, startUs: 0, endUs: 40 }, names)).toEqual([
      'holds forkB',
      'thread T1',
      'start 0 µs',
      'duration 40 µs',
    ]);
  });
});

describe('timelineSummaryOf', () => {
  it('gives each thread its shares of time, largest first', () => {
    const spans: StateSpan[] = [
      { thread: 0, state: 'running', startUs: 0, endUs: 400 },
      { thread: 0, state: 'waiting', startUs: 400, endUs: 1000, object: 3, op: BlockOp.Acquire },
    ];
    expect(
      timelineSummaryOf(
        [
          { name: 'main', spans },
          { name: 'T1', spans: [] },
        ],
        1000,
      ),
    ).toBe('2 threads over 1 ms. main: waiting 60%, running 40%. T1: no activity.');
  });
});
