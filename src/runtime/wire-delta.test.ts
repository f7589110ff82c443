import { describe, expect, it } from 'vitest';
import { EventKind, ObjectKind } from '../sync/kinds';
import type { LogDelta } from './live-log';
import { fromWire, toWire } from './wire-delta';

describe('wire deltas', () => {
  it('carry a delta to the page unchanged, its events in one buffer', () => {
    const delta: LogDelta = {
      events: [
        { seq: 4, thread: 0, kind: EventKind.Read, object: 2, aux: 0, timeUs: 10, value: 5 },
        { seq: 8, thread: 1, kind: EventKind.Acquire, object: 1, aux: 0, timeUs: null },
      ],
      output: [{ thread: 0, t: 1, text: 'hi' }],
      threads: [{ id: 1, name: 'T1', role: 'thread', daemon: false }],
      objects: [{ id: 2, kind: ObjectKind.SharedInt, name: 'counter' }],
      outputTruncated: false,
      ringDropped: 3,
      capDropped: 0,
      inputWaiting: -1,
      steps: [],
    };
    const wire = toWire(delta);
    expect(wire.events).toBeInstanceOf(Float64Array);
    expect(fromWire(wire)).toEqual(delta);
  });
});
