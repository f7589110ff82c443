import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind, ObjectKind } from '../sync/kinds';
import { toChromeTrace, type ChromeTraceEvent } from './chrome-trace';

const threads = [
  { id: 0, name: 'main' },
  { id: 1, name: 'worker-1' },
];
const objects = [{ id: 7, kind: ObjectKind.Lock, name: 'lockA' }];

describe('toChromeTrace', () => {
  const trace = toChromeTrace({
    threads,
    objects,
    startEpochUs: 1000,
    spans: [
      { thread: 0, state: 'running', startUs: 0, endUs: 10 },
      { thread: 0, state: 'done', startUs: 10, endUs: 50 },
      { thread: 1, state: 'waiting', startUs: 2, endUs: 8, object: 7, op: BlockOp.Acquire },
      { thread: 1, state: 'waiting', startUs: 8, endUs: 12, object: 0, op: BlockOp.Join },
      { thread: 1, state: 'gil-wait', startUs: 12, endUs: 13 },
      { thread: 1, state: 'input', startUs: 13, endUs: 14 },
      { thread: 1, state: 'sleeping', startUs: 14, endUs: 15 },
      { thread: 1, state: 'failed', startUs: 15, endUs: 50 },
    ],
    holds: [
      { thread: 0, object: 7, startUs: 1, endUs: 9 },
      { thread: 1, object: 7, startUs: 9, endUs: 11 },
    ],
  });
  const of = (ph: ChromeTraceEvent['ph']) => trace.traceEvents.filter((e) => e.ph === ph);

  it('names the process and every thread track', () => {
    expect(of('M')).toEqual([
      { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'Interleave run' } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 0, args: { name: 'main' } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'worker-1' } },
    ]);
  });

  it('puts state spans on their thread as complete slices in µs from the epoch, without done', () => {
    expect(of('X').map(({ name, tid, ts, dur }) => ({ name, tid, ts, dur }))).toEqual([
      { name: 'running', tid: 0, ts: 1000, dur: 10 },
      { name: 'waiting for lockA', tid: 1, ts: 1002, dur: 6 },
      { name: 'waiting for main to finish', tid: 1, ts: 1008, dur: 4 },
      { name: 'waiting for the GIL', tid: 1, ts: 1012, dur: 1 },
      { name: 'waiting for input', tid: 1, ts: 1013, dur: 1 },
      { name: 'sleeping', tid: 1, ts: 1014, dur: 1 },
      { name: 'failed', tid: 1, ts: 1015, dur: 35 },
    ]);
    expect(of('X').every((e) => e.pid === 1 && e.cat === 'state')).toBe(true);
  });

  it('adds waits and holds as matched async slices with unique ids', () => {
    const begins = of('b');
    const ends = of('e');
    expect(begins.map(({ name, cat, tid, ts }) => ({ name, cat, tid, ts }))).toEqual([
      { name: 'waiting for lockA', cat: 'wait', tid: 1, ts: 1002 },
      { name: 'waiting for main to finish', cat: 'wait', tid: 1, ts: 1008 },
      { name: 'holding lockA', cat: 'hold', tid: 0, ts: 1001 },
      { name: 'holding lockA', cat: 'hold', tid: 1, ts: 1009 },
    ]);
    expect(ends.map((e) => e.ts)).toEqual([1008, 1012, 1009, 1011]);
    expect(ends.map(({ id, name, cat }) => ({ id, name, cat }))).toEqual(
      begins.map(({ id, name, cat }) => ({ id, name, cat })),
    );
    expect(new Set(begins.map((e) => e.id)).size).toBe(begins.length);
  });

  it('is JSON with times relative to the run when no epoch is given', () => {
    const plain = toChromeTrace({
      threads,
      objects,
      spans: [{ thread: 0, state: 'running', startUs: 3, endUs: 4 }],
      holds: [],
    });
    const parsed = JSON.parse(JSON.stringify(plain)) as typeof plain;
    expect(parsed.traceEvents.find((e) => e.ph === 'X')?.ts).toBe(3);
  });
});

describe('toChromeTrace with shared reads and writes', () => {
  it('exports each as an instant on its thread, with its value', () => {
    const trace = toChromeTrace({
      threads,
      objects: [
        { id: 3, kind: ObjectKind.SharedInt, name: 'counter' },
        { id: 4, kind: ObjectKind.SharedArray, name: 'slots' },
      ],
      spans: [],
      holds: [],
      events: [
        { seq: 1, thread: 1, kind: EventKind.Read, object: 3, aux: 0, timeUs: 5, value: 5 },
        { seq: 2, thread: 0, kind: EventKind.Write, object: 4, aux: 2, timeUs: 7.5, value: 6 },
        { seq: 3, thread: 0, kind: EventKind.Signal, object: 4, aux: 2, timeUs: 8 },
      ],
    });
    expect(trace.traceEvents.filter((e) => e.ph === 'i')).toEqual([
      {
        name: 'read counter → 5',
        cat: 'value',
        ph: 'i',
        s: 't',
        pid: 1,
        tid: 1,
        ts: 5,
        args: { variable: 'counter', value: 5 },
      },
      {
        name: 'write slots[2] ← 6',
        cat: 'value',
        ph: 'i',
        s: 't',
        pid: 1,
        tid: 0,
        ts: 7.5,
        args: { variable: 'slots[2]', value: 6 },
      },
    ]);
  });
});
