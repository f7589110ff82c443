import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind } from '../../sync/kinds';
import type { HoldSpan, StateSpan, TimedEvent, TraceEvent, WakeArrow } from '../../trace/types';
import { packEvents, packTimeline, unpackEvents, unpackTimeline } from './timeline-packing';

describe('timeline packing', () => {
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

  it('round-trips spans, holds and arrows, keeping optional fields optional', () => {
    const spans: StateSpan[] = [
      { thread: 0, state: 'running', startUs: 0, endUs: 10.5 },
      { thread: 2, state: 'waiting', startUs: 10.5, endUs: 40, object: 4, op: BlockOp.Acquire },
      { thread: 2, state: 'failed', startUs: 40, endUs: 50 },
    ];
    const holds: HoldSpan[] = [{ thread: 1, object: 4, startUs: 3, endUs: 9 }];
    const arrows: WakeArrow[] = [{ fromThread: 1, toThread: 2, object: 4, atUs: 9, wokenAtUs: 11 }];
    const values: TimedEvent[] = [
      { seq: 64, thread: 1, kind: EventKind.Read, object: 4, aux: 2, timeUs: 7.5, value: -3 },
    ];
    expect(unpackTimeline(packTimeline(spans, holds, arrows, values))).toEqual({
      spans,
      holds,
      arrows,
      values,
    });
  });
});
