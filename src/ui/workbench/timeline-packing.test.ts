import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind } from '../../sync/kinds';
import type { HoldSpan, StateSpan, TimedEvent, WakeArrow } from '../../trace/types';
import { packTimeline, unpackTimeline } from './timeline-packing';

describe('timeline packing', () => {
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
