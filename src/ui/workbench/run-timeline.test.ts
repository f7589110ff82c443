import { describe, expect, it } from 'vitest';
import { LiveLog } from '../../runtime/live-log';
import { EventKind as K, ObjectKind } from '../../sync/kinds';
import type { TraceEvent } from '../../trace/types';
import { runTimelineOf } from './run-timeline';

const COUNTER = 0;

function logOf(events: TraceEvent[]): LiveLog {
  const log = new LiveLog();
  log.apply({
    events,
    output: [],
    threads: [
      { id: 0, name: 'T0', role: '', daemon: false },
      { id: 1, name: 'T1', role: '', daemon: false },
    ],
    objects: [{ id: COUNTER, kind: ObjectKind.SharedInt, name: 'counter' }],
    outputTruncated: false,
    ringDropped: 0,
    capDropped: 0,
    inputWaiting: -1,
  });
  return log;
}

const event = (seq: number, thread: number, kind: K, timeUs: number, value?: number) => ({
  seq,
  thread,
  kind,
  object: value === undefined ? -1 : COUNTER,
  aux: 0,
  timeUs,
  ...(value === undefined ? {} : { value }),
});

describe('runTimelineOf: lost updates', () => {
  it('marks each stale write on its thread’s lane, at its time, naming both threads and values', () => {
    const timeline = runTimelineOf(
      logOf([
        event(1, 0, K.ThreadStart, 0),
        event(2, 1, K.ThreadStart, 0),
        event(3, 0, K.Read, 10, 4),
        event(4, 1, K.Read, 20, 4),
        event(5, 0, K.Write, 30, 5),
        event(6, 1, K.Write, 40, 5),
        event(7, 0, K.ThreadEnd, 50),
        event(8, 1, K.ThreadEnd, 50),
      ]),
      null,
    );
    expect(timeline.lostUpdates?.map((l) => [l.thread, l.wrote, l.overwrote])).toEqual([
      [1, 5, { thread: 0, value: 5 }],
    ]);
    expect(timeline.markers.filter((m) => m.kind === 'lost-update')).toEqual([
      {
        thread: 1,
        atUs: 40,
        kind: 'lost-update',
        label: "lost update: T1 wrote 5 over T0's 5 (counter): T1 read 4 before T0 wrote.",
      },
    ]);
  });

  it('marks nothing when the threads took turns', () => {
    const timeline = runTimelineOf(
      logOf([
        event(1, 0, K.Read, 10, 0),
        event(2, 0, K.Write, 20, 1),
        event(3, 1, K.Read, 30, 1),
        event(4, 1, K.Write, 40, 2),
      ]),
      null,
    );
    expect(timeline.lostUpdates).toBeUndefined();
    expect(timeline.markers).toEqual([]);
  });
});
