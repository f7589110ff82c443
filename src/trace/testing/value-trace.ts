import { ObjectKind, type EventKind } from '../../sync/kinds';
import type { TraceEvent, TracedObject } from '../types';

// A hand-written trace of shared reads and writes, for the value analyses' tests.

export const COUNTER = 1;
export const SLOTS = 2;
export const LOCK = 3;
export const TOTAL = 4;

export const objects: TracedObject[] = [
  { id: COUNTER, kind: ObjectKind.SharedInt, name: 'counter' },
  { id: SLOTS, kind: ObjectKind.SharedArray, name: 'slots' },
  { id: LOCK, kind: ObjectKind.Lock, name: 'lock' },
  { id: TOTAL, kind: ObjectKind.SharedFloat, name: 'total' },
];

export type Row = [
  thread: number,
  kind: EventKind,
  value: number | undefined,
  object?: number,
  index?: number,
];

/** Events as rows [thread, kind, value, object = counter, index = 0]; seq is the row index. */
export const trace = (rows: Row[]): TraceEvent[] =>
  rows.map(([thread, kind, value, object = COUNTER, index = 0], seq) => ({
    seq,
    thread,
    kind,
    object,
    aux: index,
    timeUs: null,
    ...(value === undefined ? {} : { value }),
  }));
