import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind, ObjectKind } from '../../sync/kinds';
import { namesOf } from '../../trace/names';
import type { StateSpan, TimedEvent } from '../../trace/types';
import { entriesFor, entryRowOf, msOf, pageOf, rowOf, spansFor } from './event-rows';

const spans: StateSpan[] = [
  { thread: 1, state: 'running', startUs: 0, endUs: 500 },
  { thread: 1, state: 'waiting', startUs: 500, endUs: 1250, object: 4, op: BlockOp.Acquire },
  { thread: 0, state: 'running', startUs: 0, endUs: 1250 },
];
const names = namesOf(
  [
    { id: 0, name: 'main' },
    { id: 1, name: 'T1' },
  ],
  [
    { id: 4, kind: ObjectKind.Lock, name: 'forkA' },
    { id: 5, kind: ObjectKind.SharedInt, name: 'counter' },
    { id: 6, kind: ObjectKind.SharedArray, name: 'slots' },
  ],
);
const value = (seq: number, thread: number, kind: EventKind, object: number, v: number) =>
  ({
    seq,
    thread,
    kind,
    object,
    aux: object === 6 ? 2 : 0,
    timeUs: seq * 100,
    value: v,
  }) satisfies TimedEvent;

describe('event rows', () => {
  it('sorts by start, then thread, and filters by thread', () => {
    expect(spansFor(spans, null).map((s) => [s.thread, s.startUs])).toEqual([
      [0, 0],
      [1, 0],
      [1, 500],
    ]);
    expect(spansFor(spans, 0)).toEqual([spans[2]]);
  });
  it('words a row', () => {
    expect(rowOf(spans[1] as StateSpan, names)).toEqual({
      key: '1:500:waiting',
      thread: 'T1',
      state: 'waiting',
      object: 'forkA',
      startMs: '0.500',
      durationMs: '0.750',
    });
    expect(msOf(1_234_567)).toBe('1234.567');
  });
  it('pages and clamps', () => {
    expect(pageOf(450, 200, 0)).toEqual({ index: 0, pages: 3, from: 0, to: 200 });
    expect(pageOf(450, 200, 2)).toEqual({ index: 2, pages: 3, from: 400, to: 450 });
    expect(pageOf(450, 200, 9)).toEqual({ index: 2, pages: 3, from: 400, to: 450 });
    expect(pageOf(0, 200, 0)).toEqual({ index: 0, pages: 1, from: 0, to: 0 });
  });
  it('words shared reads and writes, placed among the spans by time', () => {
    const values = [
      value(0, 1, EventKind.Read, 5, 5),
      value(3, 1, EventKind.Write, 5, 6),
      value(4, 0, EventKind.Add, 6, 9),
      value(20, 0, EventKind.CasFailed, 5, 7),
    ];
    const rows = entriesFor(spans, values, null).map((e) => entryRowOf(e, names));
    expect(rows.map((r) => [r.thread, r.state, r.object, r.startMs])).toEqual([
      ['main', 'running', '', '0.000'],
      ['T1', 'running', '', '0.000'],
      ['T1', 'read', 'counter → 5', '0.000'],
      ['T1', 'write', 'counter ← 6', '0.300'],
      ['main', 'add', 'slots[2] ← 9', '0.400'],
      ['T1', 'waiting', 'forkA', '0.500'],
      ['main', 'compareExchange', 'counter: found 7, no change', '2.000'],
    ]);
    expect(rows[2]?.durationMs).toBe('');
    expect(entriesFor(spans, values, 0).filter((e) => 'seq' in e)).toHaveLength(2);
  });
});
