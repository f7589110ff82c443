import { describe, expect, it } from 'vitest';
import { EventKind } from '../sync/kinds';
import { packEvents, unpackEvents } from './event-packing';
import type { TraceEvent } from './types';

describe('event packing', () => {
  it('round-trips events, with and without clock reads', () => {
    const events: TraceEvent[] = [
      { seq: 0, thread: 1, kind: EventKind.ThreadStart, object: -1, aux: 0, timeUs: 12 },
      { seq: 1, thread: 1, kind: EventKind.Acquire, object: 3, aux: -2, timeUs: null },
      // Past int32, and a float value.
      {
        seq: 2 ** 40,
        thread: 0,
        kind: EventKind.Write,
        object: 3,
        aux: 0,
        timeUs: null,
        value: 0.1,
      },
    ];
    expect(unpackEvents(packEvents(events))).toEqual(events);
  });
});
