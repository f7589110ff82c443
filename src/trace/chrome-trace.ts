import { BlockOp } from '../sync/kinds';
import { namesOf, type Names } from './names';
import type { HoldSpan, StateSpan, TimedEvent, TracedObject, TracedThread } from './types';
import { isValueEvent, valueEventWords, variableOf } from './value-events';

/** One event of the Chrome Trace Event format (the subset this export writes). */
export type ChromeTraceEvent = {
  name: string;
  /** M metadata · X complete slice · b/e begin/end of an async slice · i instant. */
  ph: 'M' | 'X' | 'b' | 'e' | 'i';
  /** An instant's scope: t, its thread's track. */
  s?: 't';
  pid: number;
  tid: number;
  cat?: string;
  /** µs */
  ts?: number;
  /** µs */
  dur?: number;
  id?: number;
  args?: Record<string, string | number>;
};

export type ChromeTraceInput = {
  spans: readonly StateSpan[];
  holds: readonly HoldSpan[];
  threads: readonly TracedThread[];
  objects: readonly TracedObject[];
  /** Events with times; the shared reads and writes among them become instants. */
  events?: readonly TimedEvent[];
  /** Added to every time, so the trace shows wall-clock times; 0 (run-relative) by default. */
  startEpochUs?: number;
};

const PID = 1;

/**
 * A run as Chrome Trace Event JSON (opens in Perfetto and chrome://tracing): one track per thread
 * with its state spans as complete slices, every hold and wait also as an async slice, and every
 * shared read and write as an instant with its value ("write counter ← 6"). Holds
 * and waits overlap each other and cross state spans, and Perfetto only nests slices of one track,
 * so they must be async (b/e with an id). Lanes end in 'done' until the end of the run: that span
 * says nothing a trace viewer does not show, so it is left out.
 */
export function toChromeTrace(input: ChromeTraceInput): { traceEvents: ChromeTraceEvent[] } {
  const names = namesOf(input.threads, input.objects);
  const originUs = input.startEpochUs ?? 0;
  const traceEvents: ChromeTraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: 0, args: { name: 'Interleave run' } },
    ...input.threads.map((t): ChromeTraceEvent => ({
      name: 'thread_name',
      ph: 'M',
      pid: PID,
      tid: t.id,
      args: { name: t.name },
    })),
  ];
  let nextId = 1;
  const asyncSlice = (cat: string, name: string, tid: number, startUs: number, endUs: number) => {
    const slice = { name, cat, pid: PID, tid, id: nextId++ };
    traceEvents.push({ ...slice, ph: 'b', ts: originUs + startUs });
    traceEvents.push({ ...slice, ph: 'e', ts: originUs + endUs });
  };

  for (const span of input.spans) {
    if (span.state === 'done') continue;
    const name = stateName(span, names);
    traceEvents.push({
      name,
      cat: 'state',
      ph: 'X',
      pid: PID,
      tid: span.thread,
      ts: originUs + span.startUs,
      dur: span.endUs - span.startUs,
    });
    if (span.state === 'waiting') asyncSlice('wait', name, span.thread, span.startUs, span.endUs);
  }
  for (const hold of input.holds) {
    const name = `holding ${names.object(hold.object)}`;
    asyncSlice('hold', name, hold.thread, hold.startUs, hold.endUs);
  }
  for (const event of input.events ?? []) {
    if (!isValueEvent(event)) continue;
    const { op, text } = valueEventWords(event, names);
    traceEvents.push({
      name: `${op} ${text}`,
      cat: 'value',
      ph: 'i',
      s: 't',
      pid: PID,
      tid: event.thread,
      ts: originUs + event.timeUs,
      args: { variable: variableOf(event, names), value: event.value },
    });
  }
  return { traceEvents };
}

function stateName(span: StateSpan, names: Names): string {
  switch (span.state) {
    case 'waiting':
      if (span.object === undefined) return 'waiting';
      if (span.op === BlockOp.Join) return `waiting for ${names.thread(span.object)} to finish`;
      return `waiting for ${names.object(span.object)}`;
    case 'input':
      return 'waiting for input';
    case 'gil-wait':
      return 'waiting for the GIL';
    default:
      return span.state;
  }
}
