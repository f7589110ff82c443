import { describe, expect, it } from 'vitest';
import { EventKind as K } from '../sync/kinds';
import { sharedValuesOf, type SharedValue } from './shared-values';
import { LOCK, objects, SLOTS, TOTAL, trace, type Row } from './testing/value-trace';

const row = (variable: string, value: number | null, writer: number | null): SharedValue => ({
  variable,
  value,
  writer,
});

describe('sharedValuesOf', () => {
  it.each<{ name: string; rows: Row[]; expected: SharedValue[] }>([
    {
      name: 'nothing touched yet: every variable listed with no value, locks left out',
      rows: [[0, K.Acquire, undefined, LOCK]],
      expected: [row('counter', null, null), row('slots', null, null), row('total', null, null)],
    },
    {
      name: 'a read shows the starting value, written by nobody',
      rows: [[0, K.Read, 0]],
      expected: [row('counter', 0, null), row('slots', null, null), row('total', null, null)],
    },
    {
      name: 'the last write wins, and names its thread; a later read keeps the writer',
      rows: [
        [0, K.Read, 0],
        [1, K.Read, 0],
        [1, K.Write, 1],
        [0, K.Write, 1],
        [1, K.Read, 1],
      ],
      expected: [row('counter', 1, 0), row('slots', null, null), row('total', null, null)],
    },
    {
      name: 'atomic add and a swapping compareExchange write; a failed one only reads',
      rows: [
        [0, K.Add, 5],
        [1, K.Cas, 7],
        [2, K.CasFailed, 7],
        [2, K.Write, 2.5, TOTAL],
      ],
      expected: [row('counter', 7, 1), row('slots', null, null), row('total', 2.5, 2)],
    },
    {
      name: 'array elements get a row each, by index',
      rows: [
        [0, K.Write, 9, SLOTS, 3],
        [1, K.Read, 0, SLOTS, 1],
      ],
      expected: [
        row('counter', null, null),
        row('slots[1]', 0, null),
        row('slots[3]', 9, 0),
        row('total', null, null),
      ],
    },
  ])('$name', ({ rows, expected }) => {
    expect(sharedValuesOf(trace(rows), objects)).toEqual(expected);
  });

  it('a prefix of the events gives the values at that step (what Back shows)', () => {
    const events = trace([
      [0, K.Read, 0],
      [0, K.Write, 1],
      [1, K.Read, 1],
      [1, K.Write, 2],
    ]);
    expect(sharedValuesOf(events.slice(0, 2), objects)[0]).toEqual(row('counter', 1, 0));
    expect(sharedValuesOf(events, objects)[0]).toEqual(row('counter', 2, 1));
  });
});
