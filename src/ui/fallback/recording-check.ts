import type { Outcome, RunReport } from '../../runtime/contract-types';
import { isDemoId, isParamKey, isParamValue, isRecord } from '../../share/state-fields';
import { ObjectKind } from '../../sync/kinds';
import { THREAD_STATES } from '../../trace/types';
import type { HoldSpan, StateSpan, TracedObject, WakeArrow } from '../../trace/types';
import type { TimelineMarker } from '../timeline/timeline-model';
import { RECORDING_CAPS } from './compact-recording';
import type { Recording } from './recording';

// A recording from a link or a hosted file is anyone's data: it is rebuilt field by field from
// what passes these checks, so nothing unexpected reaches the timeline or the verdict.

/** Most threads a recording may name: the runtime never starts more. */
const MAX_THREADS = 256;
const MAX_OBJECTS = 4096;
const MAX_TEXT = 2000;
const MAX_US = 1e10;

const OUTCOMES: readonly Outcome[] = [
  'ok',
  'check-failed',
  'deadlock',
  'stuck',
  'error',
  'stopped',
  'timeout',
];
const MARKERS: readonly TimelineMarker['kind'][] = ['error', 'check-failed', 'deadlock'];
const STATUSES: readonly RunReport['threads'][number]['status'][] = [
  'done',
  'blocked',
  'error',
  'running',
];
const KINDS = new Set<number>(Object.values(ObjectKind));

/** Thrown inside the checker; never escapes it. */
class Invalid extends Error {}

const fail = (): never => {
  throw new Invalid();
};
const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : fail());
const int = (v: unknown, max = Number.MAX_SAFE_INTEGER): number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max ? (v as number) : fail();
const time = (v: unknown): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_US ? v : fail();
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail());
const text = (v: unknown, max = MAX_TEXT): string =>
  typeof v === 'string' && v.length <= max ? v : fail();
const oneOf = <T>(v: unknown, values: readonly T[]): T =>
  values.includes(v as T) ? (v as T) : fail();
const list = <T>(v: unknown, max: number, item: (x: unknown) => T): T[] =>
  Array.isArray(v) && v.length <= max ? v.map(item) : fail();
const optional = <T>(v: unknown, read: (x: unknown) => T): T | undefined =>
  v === undefined ? undefined : read(v);

/** The recording `data` holds, rebuilt from checked fields; null when anything is off. */
export function checkRecording(data: unknown): Recording | null {
  try {
    return readRecordingStrict(data);
  } catch (error) {
    if (error instanceof Invalid || error instanceof RangeError) return null;
    throw error;
  }
}

function readRecordingStrict(data: unknown): Recording {
  const r = record(data);
  if (r.v !== 1 || !isDemoId(r.demo)) fail();
  const totalUs = time(r.totalUs);
  if (totalUs <= 0) fail();
  const params = Object.fromEntries(
    Object.entries(record(r.params)).map(([key, value]) =>
      isParamKey(key) && isParamValue(value) ? [key, value] : fail(),
    ),
  );
  return {
    v: 1,
    demo: r.demo as string,
    params,
    report: readReport(r.report),
    threads: list(r.threads, MAX_THREADS, (t) => {
      const x = record(t);
      return { id: int(x.id, MAX_THREADS), name: text(x.name, 64) };
    }),
    objects: list(r.objects, MAX_OBJECTS, (o): TracedObject => {
      const x = record(o);
      return {
        id: int(x.id),
        kind: oneOf(x.kind, [...KINDS]) as TracedObject['kind'],
        name: text(x.name, 64),
      };
    }),
    spans: list(r.spans, RECORDING_CAPS.spans * 2, (s): StateSpan => {
      const x = record(s);
      const span: StateSpan = {
        thread: int(x.thread, MAX_THREADS),
        state: oneOf(x.state, THREAD_STATES),
        startUs: time(x.startUs),
        endUs: time(x.endUs),
      };
      if (x.object !== undefined) span.object = int(x.object);
      if (x.op !== undefined) span.op = int(x.op, 64) as StateSpan['op'];
      return span;
    }),
    holds: list(r.holds, RECORDING_CAPS.holds * 2, (h): HoldSpan => {
      const x = record(h);
      return {
        thread: int(x.thread, MAX_THREADS),
        object: int(x.object),
        startUs: time(x.startUs),
        endUs: time(x.endUs),
      };
    }),
    arrows: list(r.arrows, RECORDING_CAPS.arrows * 2, (a): WakeArrow => {
      const x = record(a);
      return {
        fromThread: int(x.fromThread, MAX_THREADS),
        toThread: int(x.toThread, MAX_THREADS),
        object: int(x.object),
        atUs: time(x.atUs),
        wokenAtUs: time(x.wokenAtUs),
      };
    }),
    markers: list(r.markers, MAX_THREADS * 4, (m): TimelineMarker => {
      const x = record(m);
      return {
        thread: int(x.thread, MAX_THREADS),
        atUs: time(x.atUs),
        kind: oneOf(x.kind, MARKERS),
        label: text(x.label, 200),
      };
    }),
    totalUs,
  };
}

function readReport(data: unknown): RunReport {
  const r = record(data);
  const stats = record(r.stats);
  const report: RunReport = {
    outcome: oneOf(r.outcome, OUTCOMES),
    mode: oneOf(r.mode, ['parallel', 'step'] as const),
    gil: typeof r.gil === 'boolean' ? r.gil : fail(),
    wallMs: time(r.wallMs),
    threads: list(r.threads, MAX_THREADS, (t) => {
      const x = record(t);
      const thread: RunReport['threads'][number] = {
        id: int(x.id, MAX_THREADS),
        role: text(x.role, 200),
        status: oneOf(x.status, STATUSES),
      };
      if (x.blockedOn !== undefined) thread.blockedOn = text(x.blockedOn, 64);
      if (x.error !== undefined) {
        const e = record(x.error);
        thread.error = { message: text(e.message) };
        if (e.line !== undefined) thread.error.line = int(e.line);
        if (e.column !== undefined) thread.error.column = int(e.column);
      }
      return thread;
    }),
    shared: Object.fromEntries(
      Object.entries(record(r.shared))
        .slice(0, 256)
        .map(([key, value]) => [
          text(key, 64),
          Array.isArray(value) ? list(value, 4096, num) : num(value),
        ]),
    ),
    stats: {
      events: int(stats.events),
      droppedEvents: int(stats.droppedEvents),
      acquisitions: int(stats.acquisitions),
      contended: int(stats.contended),
      maxHolders: Object.fromEntries(
        Object.entries(record(stats.maxHolders))
          .slice(0, 256)
          .map(([key, value]) => [text(key, 64), int(value)]),
      ),
    },
    output: list(r.output, RECORDING_CAPS.output, (o) => {
      const x = record(o);
      return { thread: int(x.thread, MAX_THREADS), t: time(x.t), text: text(x.text) };
    }),
  };
  const check = optional(r.check, record);
  if (check) {
    report.check = { passed: typeof check.passed === 'boolean' ? check.passed : fail() };
    if (check.message !== undefined) report.check.message = text(check.message);
  }
  const edge = (e: unknown) => {
    const x = record(e);
    return { thread: int(x.thread, MAX_THREADS), waitsFor: text(x.waitsFor, 64) };
  };
  const deadlock = optional(r.deadlock, record);
  if (deadlock)
    report.deadlock = {
      cycle: list(deadlock.cycle, MAX_THREADS, (e) => ({
        ...edge(e),
        heldBy: int(record(e).heldBy, MAX_THREADS),
      })),
    };
  const stuck = optional(r.stuck, record);
  if (stuck) report.stuck = { waiting: list(stuck.waiting, MAX_THREADS, edge) };
  return report;
}
