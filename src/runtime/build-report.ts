import { BlockOp, ObjectKind, ThreadField, ThreadStatus, type Heap } from '../sync';
import { lostUpdatesOf } from '../trace/lost-updates';
import { statsOf } from '../trace/stats';
import type { CycleStep, WaitEdge } from '../trace/types';
import { ThreadRowField, type Control } from './control';
import type { LiveLog } from './live-log';
import type { Outcome, RunReport, ThreadReport } from './contract-types';
import type { SourceError } from './program-source';

export type Ending = {
  outcome: Outcome;
  gil: boolean;
  wallMs: number;
  deadlock?: CycleStep[];
  stuck?: WaitEdge[];
  check?: { passed: boolean; message?: string };
  /** An error of the program as a whole (syntax, top level, no threads). */
  programError?: SourceError;
};

/** Builds the public RunReport (docs/contracts.md) from the run's shared memory and what was read of it. */
export function buildReport(heap: Heap, control: Control, log: LiveLog, ending: Ending): RunReport {
  const objectName = (id: number) => log.objects.find((o) => o.id === id)?.name ?? `object #${id}`;
  const threadName = (id: number) => log.threads.find((t) => t.id === id)?.name ?? `thread ${id}`;
  const waitsFor = (edge: { object: number; op?: number }, join: boolean) =>
    join ? threadName(edge.object) : objectName(edge.object);
  const threads: ThreadReport[] = log.threads.map(({ id, role }) =>
    threadReport(heap, control, id, role, objectName, threadName),
  );
  if (ending.programError) {
    threads.unshift({ id: -1, role: 'program', status: 'error', error: ending.programError });
  }
  const trace = statsOf(log.events, log.objects);
  const maxHolders = { ...trace.maxHolders };
  for (const info of heap.objects()) {
    if (info.maxHoldersWord !== undefined)
      maxHolders[info.name] = Atomics.load(heap.i32, info.maxHoldersWord);
  }
  const report: RunReport = {
    outcome: ending.outcome,
    mode: 'parallel',
    gil: ending.gil,
    wallMs: Math.round(ending.wallMs * 100) / 100,
    threads,
    shared: sharedValues(heap),
    stats: {
      events: trace.events,
      droppedEvents: log.dropped,
      acquisitions: trace.acquisitions,
      contended: trace.contended,
      maxHolders,
    },
    output: log.output,
  };
  if (ending.deadlock) {
    report.deadlock = {
      cycle: ending.deadlock.map((s) => ({
        thread: s.thread,
        waitsFor: waitsFor(s, s.op === BlockOp.Join),
        heldBy: s.heldBy,
      })),
    };
  }
  if (ending.stuck) {
    report.stuck = {
      waiting: ending.stuck.map((e) => ({
        thread: e.thread,
        waitsFor: waitsFor(e, e.op === BlockOp.Join),
      })),
    };
  }
  if (ending.check) report.check = ending.check;
  const lostUpdates = lostUpdatesOf(log.events, log.objects);
  if (lostUpdates.length > 0) report.lostUpdates = lostUpdates;
  return report;
}

/** The report of a run whose shared memory cannot be read: what the page had already read of it. */
export function reportFromLog(log: LiveLog, ending: Ending): RunReport {
  const threads: ThreadReport[] = log.threads.map(({ id, role }) => ({
    id,
    role,
    status: 'running',
  }));
  if (ending.programError)
    threads.unshift({ id: -1, role: 'program', status: 'error', error: ending.programError });
  return {
    outcome: ending.outcome,
    mode: 'parallel',
    gil: ending.gil,
    wallMs: Math.round(ending.wallMs * 100) / 100,
    threads,
    shared: {},
    stats: {
      events: log.events.length,
      droppedEvents: log.dropped,
      acquisitions: 0,
      contended: 0,
      maxHolders: {},
    },
    output: log.output,
  };
}

function threadReport(
  heap: Heap,
  control: Control,
  id: number,
  role: string,
  objectName: (id: number) => string,
  threadName: (id: number) => string,
): ThreadReport {
  const i32 = heap.i32;
  const status = Atomics.load(i32, heap.threadWord(id, ThreadField.status));
  if (status === ThreadStatus.Done) return { id, role, status: 'done' };
  if (status === ThreadStatus.Failed) {
    const text = Atomics.load(i32, control.threadRowWord(id, ThreadRowField.error));
    const error = text ? sourceErrorFrom(control.getText(text)) : { message: 'failed' };
    return { id, role, status: 'error', error };
  }
  const blockedOn = Atomics.load(i32, heap.threadWord(id, ThreadField.blockedOn)) - 1;
  if (blockedOn < 0) return { id, role, status: 'running' };
  const join = Atomics.load(i32, heap.threadWord(id, ThreadField.blockedOp)) === BlockOp.Join;
  return {
    id,
    role,
    status: 'blocked',
    blockedOn: join ? threadName(blockedOn) : objectName(blockedOn),
  };
}

/** Final values of the program's named shared numbers. */
function sharedValues(heap: Heap): Record<string, number | number[]> {
  const shared: Record<string, number | number[]> = {};
  for (const info of heap.objects()) {
    const word = info.offset >> 2;
    if (info.kind === ObjectKind.SharedInt) shared[info.name] = heap.i32[word] ?? 0;
    else if (info.kind === ObjectKind.SharedFloat) shared[info.name] = heap.f64[word >> 1] ?? 0;
    else if (info.kind === ObjectKind.SharedArray) {
      const length = heap.i32[word] ?? 0;
      shared[info.name] = Array.from(heap.i32.subarray(word + 1, word + 1 + length));
    }
  }
  return shared;
}

/** A thread's stored error, checked: the text lives in memory the program could scribble on. */
function sourceErrorFrom(text: string): SourceError {
  const value: unknown = JSON.parse(text);
  const e = value as Partial<SourceError> | null;
  if (typeof e?.message !== 'string') throw new Error("A thread's stored error is corrupt.");
  const error: SourceError = { message: e.message };
  if (Number.isInteger(e.line)) error.line = e.line;
  if (Number.isInteger(e.column)) error.column = e.column;
  return error;
}
