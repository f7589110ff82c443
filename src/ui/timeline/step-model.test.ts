import { describe, expect, it } from 'vitest';
import type { StepThread, TakenStep } from '../../runtime/step/types';
import { EventKind as K, ObjectKind } from '../../sync/kinds';
import { lostUpdateEventsOf } from '../../trace/lost-updates';
import type { TraceEvent } from '../../trace/types';
import {
  headerName,
  laneHeaderOf,
  lostUpdateSentence,
  pendingWords,
  stepTimelineOf,
  waitStretchesOf,
} from './step-model';

const COUNTER = 0;
const LOCK = 1;
const objects = [
  { id: COUNTER, kind: ObjectKind.SharedInt, name: 'counter' },
  { id: LOCK, kind: ObjectKind.Lock, name: 'lockA' },
];
const threads = [
  { id: 0, name: 'T0' },
  { id: 1, name: 'T1' },
];

const value = (seq: number, thread: number, kind: K, v: number): TraceEvent => ({
  seq,
  thread,
  kind,
  object: COUNTER,
  aux: 0,
  timeUs: 0,
  value: v,
});
const op = (name: string, object?: string, line?: number) => ({
  op: name,
  ...(object === undefined ? {} : { object }),
  ...(line === undefined ? {} : { line }),
});

// Both threads read 0, then both write 1: T1's write destroys T0's.
const steps: TakenStep[] = [
  { thread: 0, op: op('start') },
  { thread: 1, op: op('start') },
  { thread: 0, op: op('read', 'counter', 5) },
  { thread: 1, op: op('read', 'counter', 5) },
  { thread: 0, op: op('write', 'counter', 5) },
  { thread: 1, op: op('write', 'counter', 5) },
];
const events: TraceEvent[] = [
  { seq: 1, thread: 0, kind: K.ThreadStart, object: -1, aux: 0, timeUs: 0 },
  { seq: 2, thread: 1, kind: K.ThreadStart, object: -1, aux: 0, timeUs: 0 },
  value(3, 0, K.Read, 0),
  value(4, 1, K.Read, 0),
  value(5, 0, K.Write, 1),
  value(6, 1, K.Write, 1),
];
const running = (id: number, pending = op('end')): StepThread => ({
  id,
  name: `T${id}`,
  status: 'ready',
  enabled: true,
  pending,
});

describe('stepTimelineOf', () => {
  const model = stepTimelineOf({
    threads,
    objects,
    steps,
    events,
    lostUpdates: lostUpdateEventsOf(events, objects),
    now: [running(0), running(1)],
  });

  it('puts each step in its thread’s lane, labelled with its operation and value', () => {
    expect(model.steps).toBe(6);
    expect(model.lanes.map((l) => l.cells.map((c) => [c.step, c.label, c.object]))).toEqual([
      [
        [1, 'start', ''],
        [3, 'read 0', 'counter'],
        [5, 'write 1', 'counter'],
      ],
      [
        [2, 'start', ''],
        [4, 'read 0', 'counter'],
        [6, 'write 1', 'counter'],
      ],
    ]);
    expect(model.lanes[0]?.cells[1]?.text).toBe('Step 3: T0 read counter → 0, line 5');
    expect(model.lanes[1]?.cells[2]?.text).toBe('Step 6: T1 wrote counter ← 1, line 5');
  });

  it('marks the stale write, naming both threads and values', () => {
    const marked = model.lanes.flatMap((l) => l.cells).filter((c) => c.lost !== undefined);
    expect(marked.map((c) => [c.step, c.lost])).toEqual([
      [6, "T1 wrote 1 over T0's 1 (counter): T1 read 0 before T0 wrote."],
    ]);
  });

  it('maps each value event to its step', () => {
    expect([...model.stepOfSeq]).toEqual([
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
  });

  it('takes no value for a query that shows as a read (locked()) and leaves the event for its own step', () => {
    const queried = stepTimelineOf({
      threads,
      objects,
      steps: [
        { thread: 0, op: op('read', 'lockA') },
        { thread: 0, op: op('read', 'counter') },
      ],
      events: [value(1, 0, K.Read, 7)],
      lostUpdates: [],
      now: [],
    });
    expect(queried.lanes[0]?.cells.map((c) => c.label)).toEqual(['read', 'read 7']);
  });

  it('labels atomic updates with what they stored, and a failed compareExchange with what it found', () => {
    const atomic = stepTimelineOf({
      threads,
      objects,
      steps: [
        { thread: 0, op: op('add', 'counter') },
        { thread: 0, op: op('cas', 'counter') },
        { thread: 0, op: op('cas', 'counter') },
      ],
      events: [value(1, 0, K.Add, 1), value(2, 0, K.Cas, 5), value(3, 0, K.CasFailed, 5)],
      lostUpdates: [],
      now: [],
    });
    expect(atomic.lanes[0]?.cells.map((c) => c.label)).toEqual(['add → 1', 'cas → 5', 'cas ✗ 5']);
  });
});

describe('waitStretchesOf', () => {
  it('joins consecutive steps with the same reason and continues a wait that lasts until now', () => {
    const waiting = (thread: number, reason: string) => ({ waiting: [{ thread, reason }] });
    const taken: TakenStep[] = [
      { thread: 0 },
      { thread: 0, ...waiting(1, 'waits for lockA, held by T0') },
      { thread: 0, ...waiting(1, 'waits for lockA, held by T0') },
      { thread: 0 },
      { thread: 0, ...waiting(1, 'waits for go') },
    ];
    const now: StepThread[] = [
      running(0),
      { ...running(1), enabled: false, status: 'blocked', blockedReason: 'waits for go' },
    ];
    expect(waitStretchesOf(taken, now)).toEqual([
      { thread: 1, fromStep: 2, toStep: 3, reason: 'waits for lockA, held by T0' },
      { thread: 1, fromStep: 5, toStep: 6, reason: 'waits for go' },
    ]);
  });
});

describe('lane headers', () => {
  it('say what the thread does next and whether it can move', () => {
    const ready = laneHeaderOf(running(0, op('read', 'counter', 8)), 'T0');
    expect(ready).toEqual({
      lead: 'Step T0:',
      op: 'read counter, line 8',
      status: 'can move',
      enabled: true,
    });
    expect(headerName(ready)).toBe('Step T0: read counter, line 8');
    const blocked: StepThread = {
      id: 1,
      name: 'T1',
      status: 'blocked',
      enabled: false,
      pending: op('acquire', 'lockB', 12),
      blockedReason: 'waits for lockB, held by T0',
    };
    expect(laneHeaderOf(blocked, 'T1')).toEqual({
      lead: 'T1 next:',
      op: 'acquire lockB, line 12',
      status: 'waits for lockB, held by T0',
      enabled: false,
    });
    expect(laneHeaderOf({ ...blocked, enabled: true }, 'T1').status).toBe(
      'waiting: a step times its wait out',
    );
    expect(headerName(laneHeaderOf({ ...running(0), status: 'done', enabled: false }, 'T0'))).toBe(
      'T0 finished',
    );
  });

  it('word pending operations and lost updates', () => {
    expect(pendingWords(op('start'))).toBe('start');
    expect(pendingWords(op('acquire', 'lockA'))).toBe('acquire lockA');
    expect(
      lostUpdateSentence(
        { variable: 'counter', thread: 1, wrote: 6, overwrote: { thread: 0, value: 6 } },
        (id) => `T${id}`,
      ),
    ).toBe("T1 wrote 6 over T0's 6 (counter).");
  });
});
