import { describe, expect, it } from 'vitest';
import { EventKind as K } from '../sync/kinds';
import { ALL_EVENTS_MASK, appendBySeq, eventMaskOf, SEQ_STEP, TraceRings } from './ring';
import type { TraceEvent } from './types';

const seqCounter = () => ({ i32: new Int32Array(new SharedArrayBuffer(4)), index: 0 });
const ALL = ALL_EVENTS_MASK;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('TraceRings', () => {
  it('round-trips events through another mapping of the buffer, sign-extending aux', () => {
    const rings = TraceRings.create(2, 8);
    const seq = seqCounter();
    const clock = [12.4, 99.6];
    const sink = rings.writer(1, seq, () => clock.shift() ?? -5, ALL);
    sink.emit(K.Block, 3, 2, true);
    sink.emit(K.Acquire, 3, -1, false);
    sink.emit(K.Release, 4, 2 ** 23 - 1, false);
    sink.emit(K.Signal, -1, -(2 ** 23), true);
    expect(TraceRings.attach(rings.buffer).drain()).toEqual<TraceEvent[]>([
      { seq: SEQ_STEP, thread: 1, kind: K.Block, object: 3, aux: 2, timeUs: 12 },
      { seq: 2 * SEQ_STEP, thread: 1, kind: K.Acquire, object: 3, aux: -1, timeUs: null },
      { seq: 3 * SEQ_STEP, thread: 1, kind: K.Release, object: 4, aux: 2 ** 23 - 1, timeUs: null },
      { seq: 4 * SEQ_STEP, thread: 1, kind: K.Signal, object: -1, aux: -(2 ** 23), timeUs: 100 },
    ]);
    expect(seq.i32[0]).toBe(4);
  });

  it('merges threads by seq, and a drain takes each event once', () => {
    const rings = TraceRings.create(3, 4);
    const seq = seqCounter();
    const sinks = [0, 1, 2].map((t) => rings.writer(t, seq, () => 0, ALL));
    for (const t of [2, 0, 2, 1, 0]) sinks[t]?.emit(K.Acquire, t, 0, false);
    for (const sink of sinks) sink.flush();
    expect(rings.drain().map((e) => [e.seq / SEQ_STEP - 1, e.thread])).toEqual([
      [0, 2],
      [1, 0],
      [2, 2],
      [3, 1],
      [4, 0],
    ]);
    expect(rings.drain()).toEqual([]);
    sinks[1]?.emit(K.Release, 1, 0, false);
    expect(rings.drain().map((e) => [e.seq / SEQ_STEP - 1, e.thread])).toEqual([[5, 1]]);
  });

  it('drops new events when full, never unread ones, and has room again after a drain', () => {
    const rings = TraceRings.create(1, 4);
    const sink = rings.writer(0, seqCounter(), () => 0, ALL);
    for (let i = 0; i < 7; i++) sink.emit(K.Acquire, 0, i, false);
    sink.flush();
    expect(rings.dropped()).toBe(3);
    expect(rings.drain().map((e) => e.aux)).toEqual([0, 1, 2, 3]);
    sink.emit(K.Acquire, 0, 7, false);
    expect(rings.drain().map((e) => [e.seq / SEQ_STEP - 1, e.aux])).toEqual([[7, 7]]);
    expect(rings.dropped()).toBe(3);
  });

  it('keeps order when the 32-bit counters wrap', () => {
    const rings = TraceRings.create(1, 4);
    // Thread 0's counters sit on the line after the header (layout table in ring.ts).
    const counters = new Int32Array(rings.buffer, 64, 2);
    counters[0] = 2 ** 31 - 2;
    counters[1] = 2 ** 31 - 2;
    const sink = rings.writer(0, seqCounter(), () => 0, ALL);
    for (let i = 0; i < 4; i++) sink.emit(K.Acquire, 0, i, false);
    sink.flush();
    expect(rings.drain().map((e) => e.aux)).toEqual([0, 1, 2, 3]);
    sink.emit(K.Acquire, 0, 4, false);
    expect(rings.drain().map((e) => e.aux)).toEqual([4]);
    expect(rings.dropped()).toBe(0);
  });

  it('publishes when the page has caught up, at timed events, every 32 events and on flush', () => {
    const rings = TraceRings.create(1, 64);
    const sink = rings.writer(0, seqCounter(), () => 0, ALL);
    const drained = () => rings.drain().map((e) => e.aux);
    sink.emit(K.Acquire, 0, 0, false);
    sink.emit(K.Acquire, 0, 1, false);
    expect(drained()).toEqual([0]);
    sink.emit(K.Acquire, 0, 2, false);
    expect(drained()).toEqual([1, 2]);
    sink.emit(K.Acquire, 0, 3, false);
    sink.emit(K.Block, 0, 4, true);
    expect(drained()).toEqual([3, 4]);
    // 5 goes out at once (the page has caught up); 32 events later, 37 publishes 6 … 37.
    for (let i = 5; i <= 37; i++) sink.emit(K.Acquire, 0, i, false);
    expect(drained()).toEqual(range(5, 38));
    sink.emit(K.Acquire, 0, 38, false);
    sink.emit(K.Acquire, 0, 39, false);
    expect(drained()).toEqual([38]);
    sink.flush();
    expect(drained()).toEqual([39]);
    sink.flush();
    expect(drained()).toEqual([]);
  });

  it('rounds capacity up to a power of two and gives the writer its mask', () => {
    const rings = TraceRings.create(2, 5);
    expect(rings.capacity).toBe(8);
    expect(rings.maxThreads).toBe(2);
    expect(rings.writer(0, seqCounter(), () => 0, 0b1010).mask).toBe(0b1010);
  });

  it.each([
    ['no threads', () => TraceRings.create(0, 4)],
    ['no capacity', () => TraceRings.create(1, 0)],
    ['a thread out of range', () => TraceRings.create(2, 4).writer(2, seqCounter(), () => 0, ALL)],
    ['a buffer that is not a ring', () => TraceRings.attach(new SharedArrayBuffer(256))],
  ])('rejects %s', (_name, make) => {
    expect(make).toThrow();
  });
});

describe('appendBySeq', () => {
  const event = (seq: number): TraceEvent => ({
    seq,
    thread: 0,
    kind: K.Acquire,
    object: 0,
    aux: 0,
    timeUs: null,
  });
  it.each([
    { log: [], batch: [1, 2], expected: [1, 2] },
    { log: [1, 2], batch: [3, 4], expected: [1, 2, 3, 4] },
    { log: [1, 3, 5], batch: [4, 6], expected: [1, 3, 4, 5, 6] },
    { log: [5, 6], batch: [1, 2, 7], expected: [1, 2, 5, 6, 7] },
    { log: [2, 4, 6, 8], batch: [3, 7, 9], expected: [2, 3, 4, 6, 7, 8, 9] },
  ])('$log + $batch', ({ log, batch, expected }) => {
    const into = log.map(event);
    appendBySeq(into, batch.map(event));
    expect(into.map((e) => e.seq)).toEqual(expected);
  });

  it('keeps the log sorted whether few or many events come late', () => {
    for (const lateCount of [1, 32, 33, 500]) {
      const into = Array.from({ length: 1000 }, (_, i) => event(i * 2));
      const late = Array.from({ length: lateCount }, (_, i) => event(i * 2 + 1));
      appendBySeq(into, [...late, event(5000), event(5001)]);
      const seqs = into.map((e) => e.seq);
      expect(seqs).toHaveLength(1002 + lateCount);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });
});

describe('event masks', () => {
  it.each([
    { kinds: [], mask: 0 },
    { kinds: [K.ThreadStart], mask: 0b10 },
    { kinds: [K.Block, K.Wake, K.Block], mask: 0b11000 },
    { kinds: [K.Check], mask: 1 << 16 },
  ])('$kinds → $mask', ({ kinds, mask }) => {
    expect(eventMaskOf(kinds)).toBe(mask);
  });

  it('ALL_EVENTS_MASK enables every kind and nothing else', () => {
    const kinds = Object.values(K);
    expect(kinds.every((kind) => (ALL_EVENTS_MASK & (1 << kind)) !== 0)).toBe(true);
    // Bit 0 and the bits above the highest kind name no event.
    expect(ALL_EVENTS_MASK & 1).toBe(0);
    expect(ALL_EVENTS_MASK >>> (Math.max(...kinds) + 1)).toBe(0);
  });
});
