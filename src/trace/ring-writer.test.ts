import { describe, expect, it } from 'vitest';
import { EventKind as K } from '../sync/kinds';
import { ALL_EVENTS_MASK, SEQ_STEP, TraceRings } from './ring';
import type { TraceEvent } from './types';

const ALL = ALL_EVENTS_MASK;
/** The run's shared counter and a lock's key word, as the heap holds them. */
const words = () => new Int32Array(new SharedArrayBuffer(8));
const COUNTER = 0;
const LOCK_KEY = 1;

function setup(threads: number, capacity = 64) {
  const shared = words();
  const rings = TraceRings.create(threads, capacity);
  const sinks = Array.from({ length: threads }, (_, t) =>
    rings.writer(t, { i32: shared, index: COUNTER }, () => 7, ALL),
  );
  const acquire = (t: number) => sinks[t]?.emitThrough(K.Acquire, 9, 1, shared, LOCK_KEY);
  const release = (t: number) => sinks[t]?.emitThrough(K.Release, 9, 0, shared, LOCK_KEY);
  const drain = () => {
    for (const sink of sinks) sink.flush();
    return rings.drain();
  };
  return { shared, rings, sinks, acquire, release, drain };
}

const kinds = (events: readonly TraceEvent[]) => events.map((e) => [e.thread, e.kind]);
const strictlyIncreasing = (seqs: readonly number[]) =>
  seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? Infinity));

describe('lock hand-offs through the lock’s key word', () => {
  it('orders the next holder after the last release, though it counted nothing since', () => {
    const { sinks, acquire, release, drain } = setup(2);
    sinks[1]?.emit(K.ThreadStart, -1, 0, false);
    // Thread 0 counts many events, so its keys are far ahead of thread 1's own.
    for (let i = 0; i < 10; i++) sinks[0]?.emit(K.Signal, 3, 0, false);
    acquire(0);
    release(0);
    acquire(1);
    release(1);
    const events = drain();
    expect(kinds(events.slice(-4))).toEqual([
      [0, K.Acquire],
      [0, K.Release],
      [1, K.Acquire],
      [1, K.Release],
    ]);
    expect(strictlyIncreasing(events.map((e) => e.seq))).toBe(true);
  });

  it('sorts a counted event of any thread after every hand-off before it', () => {
    const { sinks, acquire, release, drain } = setup(2);
    for (let i = 0; i < 5; i++) {
      acquire(0);
      release(0);
    }
    sinks[1]?.emit(K.Signal, 3, 0, false);
    const events = drain();
    expect(events.at(-1)).toMatchObject({ thread: 1, kind: K.Signal });
    expect(events.filter((e) => e.kind === K.Acquire)).toHaveLength(5);
  });

  it('keeps keys unique over long runs of hand-offs, counting one key in SEQ_STEP', () => {
    const { shared, acquire, release, drain } = setup(2, 1024);
    const handOffs = 300;
    for (let i = 0; i < handOffs; i++) {
      acquire(i % 2);
      release(i % 2);
    }
    const seqs = drain().map((e) => e.seq);
    expect(seqs).toHaveLength(2 * handOffs);
    expect(strictlyIncreasing(seqs)).toBe(true);
    // Keys run 1, 2, …; each multiple of SEQ_STEP is counted instead: once per SEQ_STEP keys.
    expect(shared[COUNTER]).toBe(Math.floor((2 * handOffs) / SEQ_STEP));
  });

  it('stores an acquire and its release in one slot, and counts both when that slot is dropped', () => {
    const { rings, sinks, acquire, release, drain } = setup(1, 2);
    // The page has not read this one, so acquires wait for their releases.
    sinks[0]?.emit(K.Signal, 3, 0, false);
    acquire(0);
    release(0);
    acquire(0);
    release(0);
    expect(kinds(drain())).toEqual([
      [0, K.Signal],
      [0, K.Acquire],
      [0, K.Release],
    ]);
    expect(rings.dropped()).toBe(2);
  });

  it('writes a waiting acquire before any other event, so a hold shows before a block', () => {
    const { sinks, acquire, drain } = setup(1);
    acquire(0);
    sinks[0]?.emit(K.Block, 4, 1, true);
    const events = drain();
    expect(kinds(events)).toEqual([
      [0, K.Acquire],
      [0, K.Block],
    ]);
    expect(events[0]?.seq).toBeLessThan(events[1]?.seq ?? -Infinity);
  });

  it('shows a waiting acquire on flush', () => {
    const { rings, sinks, acquire } = setup(1);
    sinks[0]?.emit(K.Signal, 3, 0, false);
    acquire(0);
    expect(kinds(rings.drain())).toEqual([[0, K.Signal]]);
    sinks[0]?.flush();
    expect(kinds(rings.drain())).toEqual([[0, K.Acquire]]);
  });

  it('writes an acquire at once when the page has read everything (a live, slow program)', () => {
    const { rings, acquire, release } = setup(1);
    acquire(0);
    expect(kinds(rings.drain())).toEqual([[0, K.Acquire]]);
    release(0);
    expect(kinds(rings.drain())).toEqual([[0, K.Release]]);
  });

  it('unwraps keys past 2^31 and 2^32, in order', () => {
    const { shared, sinks, acquire, release, drain } = setup(1, 256);
    const seqs: number[] = [];
    // The counter times SEQ_STEP crosses 2^31 (int32 keys turn negative), then 2^32 (they wrap).
    for (const start of [2 ** 31 / SEQ_STEP - 3, 2 ** 32 / SEQ_STEP - 3]) {
      shared[COUNTER] = start;
      for (let i = 0; i < 6; i++) {
        sinks[0]?.emit(K.Signal, 3, 0, false);
        acquire(0);
        release(0);
      }
      seqs.push(...drain().map((e) => e.seq));
    }
    expect(strictlyIncreasing(seqs)).toBe(true);
    expect(seqs[0]).toBe((2 ** 31 / SEQ_STEP - 2) * SEQ_STEP);
  });
});

describe('shared-value events', () => {
  it('carry int32 values and array indices, untimed', () => {
    const { sinks, drain } = setup(1);
    sinks[0]?.emitValue(K.Read, 5, 0, -(2 ** 31), false);
    sinks[0]?.emitValue(K.Write, 5, 2 ** 23 - 1, 2 ** 31 - 1, false);
    sinks[0]?.emitValue(K.CasFailed, 5, 3, 0, false);
    expect(drain().map(({ kind, aux, value, timeUs }) => ({ kind, aux, value, timeUs }))).toEqual([
      { kind: K.Read, aux: 0, value: -(2 ** 31), timeUs: null },
      { kind: K.Write, aux: 2 ** 23 - 1, value: 2 ** 31 - 1, timeUs: null },
      { kind: K.CasFailed, aux: 3, value: 0, timeUs: null },
    ]);
  });

  it.each([0, -0, 0.1, -2.5, 1 / 3, 123456.789, 1e300, -1e-300, Infinity, -Infinity])(
    'carry float %s to 12 significant digits',
    (value) => {
      const { sinks, drain } = setup(1);
      sinks[0]?.emitValue(K.Write, 5, 0, value, true);
      const [event] = drain();
      expect(event?.aux).toBe(0);
      const expected = Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
      expect(event?.value).toBe(expected);
    },
  );

  it('carry NaN as NaN', () => {
    const { sinks, drain } = setup(1);
    sinks[0]?.emitValue(K.Read, 5, 0, NaN, true);
    expect(drain()[0]?.value).toBeNaN();
  });

  it('leave other kinds without a value', () => {
    const { sinks, drain } = setup(1);
    sinks[0]?.emit(K.Signal, 5, 2, false);
    expect(drain()[0]).not.toHaveProperty('value');
  });
});
