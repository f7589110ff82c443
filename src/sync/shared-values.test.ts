import { afterEach, describe, expect, it } from 'vitest';
import { setContext, type EventSink } from './context';
import { Heap } from './heap';
import { EventKind as K } from './kinds';
import { SharedArray, SharedFloat, SharedInt } from './shared-values';

type Recorded = [kind: K, index: number, value: number, float: boolean];

/** A sink that records the value events the shared values emit, every kind on. */
function recording(): { sink: EventSink; events: Recorded[] } {
  const events: Recorded[] = [];
  const sink: EventSink = {
    mask: ~0,
    emit: () => {},
    emitThrough: () => {},
    emitValue: (kind, _object, index, value, float) => events.push([kind, index, value, float]),
  };
  return { sink, events };
}

function traced() {
  const { sink, events } = recording();
  setContext({ threadId: 0, threadName: 'test', sink, hooks: null });
  return { heap: Heap.create({ bytes: 1 << 16, maxThreads: 1, maxObjects: 4 }), events };
}

afterEach(() => setContext({ threadId: 0, threadName: 'main', sink: null, hooks: null }));

describe('shared values trace their reads and writes with the values', () => {
  it('SharedInt: what was read, what was stored (as int32), what a compareExchange did', () => {
    const { heap, events } = traced();
    const x = new SharedInt(heap, 5);
    x.value = x.value + 1;
    x.value = 2 ** 31; // stored as -2^31
    expect(x.add(3)).toBe(-(2 ** 31));
    expect(x.compareExchange(-(2 ** 31) + 3, 10)).toBe(-(2 ** 31) + 3);
    expect(x.compareExchange(99, 11)).toBe(10);
    expect(events).toEqual<Recorded[]>([
      [K.Read, 0, 5, false],
      [K.Write, 0, 6, false],
      [K.Write, 0, -(2 ** 31), false],
      [K.Add, 0, -(2 ** 31) + 3, false],
      [K.Cas, 0, 10, false],
      [K.CasFailed, 0, 10, false],
    ]);
  });

  it('SharedFloat: floats, and add traces its result once, not the reads of its loop', () => {
    const { heap, events } = traced();
    const f = new SharedFloat(heap, 0.5);
    f.value = f.value * 3;
    expect(f.add(0.25)).toBe(1.5);
    f.compareExchange(1.75, -1);
    f.compareExchange(0, 2);
    expect(events).toEqual<Recorded[]>([
      [K.Read, 0, 0.5, true],
      [K.Write, 0, 1.5, true],
      [K.Add, 0, 1.75, true],
      [K.Cas, 0, -1, true],
      [K.CasFailed, 0, -1, true],
    ]);
  });

  it('SharedArray: each element access with its index; toArray is not traced', () => {
    const { heap, events } = traced();
    const a = new SharedArray(heap, 4, 1);
    a.set(2, a.get(3) + 7);
    a.add(1, 2);
    a.compareExchange(0, 1, 9);
    expect(a.toArray()).toEqual([9, 3, 8, 1]);
    expect(events).toEqual<Recorded[]>([
      [K.Read, 3, 1, false],
      [K.Write, 2, 8, false],
      [K.Add, 1, 3, false],
      [K.Cas, 0, 9, false],
    ]);
  });

  it('emit nothing when the sink masks them out', () => {
    const { sink, events } = recording();
    setContext({ threadId: 0, threadName: 'test', sink: { ...sink, mask: 0 }, hooks: null });
    const x = new SharedInt(Heap.create({ bytes: 1 << 16, maxThreads: 1, maxObjects: 4 }), 1);
    x.value = x.value + 1;
    expect(events).toEqual([]);
  });
});
