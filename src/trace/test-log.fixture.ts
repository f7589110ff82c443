import type { EventKind } from '../sync/kinds';
import type { TimedEvent } from './types';

/** Events as rows [thread, kind, object, aux, timeUs]; seq is the row index. */
export const log = (rows: [number, EventKind, number, number, number][]): TimedEvent[] =>
  rows.map(([thread, kind, object, aux, timeUs], seq) => ({
    seq,
    thread,
    kind,
    object,
    aux,
    timeUs,
  }));

/** Object ids of two locks. */
export const L = 7;
export const M = 8;
