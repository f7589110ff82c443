import { describe, expect, it } from 'vitest';
import type { Outcome, RunReport } from '../../runtime/contract-types';
import { EventKind } from '../../sync/kinds';
import type { TraceEvent } from '../../trace/types';
import { eventsOfRun } from './run-end';

const event = (
  seq: number,
  thread: number,
  kind: EventKind,
  timeUs: number | null,
): TraceEvent => ({
  seq,
  thread,
  kind,
  object: -1,
  aux: 0,
  timeUs,
});

const report = (outcome: Outcome): RunReport => ({
  outcome,
  mode: 'parallel',
  gil: false,
  wallMs: 0.3,
  threads: [],
  shared: {},
  stats: { events: 0, droppedEvents: 0, acquisitions: 0, contended: 0, maxHolders: {} },
  output: [],
});

// main ends, the saver ends (the run is over), a daemon heartbeat keeps sleeping and printing.
const events = [
  event(0, 0, EventKind.ThreadStart, 0),
  event(1, 1, EventKind.ThreadStart, 10),
  event(2, 2, EventKind.ThreadStart, 20),
  event(3, 0, EventKind.ThreadEnd, 30),
  event(4, 1, EventKind.SleepBegin, 40),
  event(5, 2, EventKind.ThreadEnd, 300),
  event(6, 1, EventKind.SleepEnd, 320),
  event(7, 1, EventKind.Print, null),
  event(8, 1, EventKind.SleepBegin, 900),
];

describe('eventsOfRun', () => {
  it.each(['ok', 'check-failed', 'error'] as const)(
    'cuts a %s run at its last thread end: a daemon’s later events are not part of it',
    (outcome) => {
      expect(eventsOfRun(events, report(outcome)).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    },
  );

  it.each(['deadlock', 'stuck', 'stopped', 'timeout'] as const)(
    'keeps every event of a %s run, and of a live run',
    (outcome) => {
      expect(eventsOfRun(events, report(outcome))).toHaveLength(events.length);
      expect(eventsOfRun(events, null)).toHaveLength(events.length);
    },
  );
});
