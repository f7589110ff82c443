import { BlockOp } from '../../sync/kinds';
import type { Names } from '../../trace/names';
import type { HoldSpan, StateSpan, ThreadState } from '../../trace/types';
import { stateStyle } from './palette';
import { formatUs } from './time-scale';

// The words the timeline, its tooltip, its summary and the event table use for spans.

/** What a span's thread is doing, as short as fits inside the span: "waits forkB", "joins T2". */
export function spanLabel(span: StateSpan, names: Names): string {
  if (span.state !== 'waiting') return SHORT[span.state];
  const object = span.object ?? -1;
  switch (span.op) {
    case BlockOp.Join:
      return `joins ${names.thread(object)}`;
    case BlockOp.Get:
      return `get ${names.object(object)}`;
    case BlockOp.Put:
      return `put ${names.object(object)}`;
    case BlockOp.Barrier:
      return `barrier ${names.object(object)}`;
    case BlockOp.Result:
      return `result ${names.object(object)}`;
    default:
      return `waits ${names.object(object)}`;
  }
}

const SHORT: Record<ThreadState, string> = {
  starting: 'start',
  running: 'running',
  waiting: 'waits',
  sleeping: 'sleep',
  input: 'input',
  'gil-wait': 'GIL',
  done: 'done',
  failed: '✕ failed',
};

/** The object a span is about, by name ('' if none). */
export function spanObject(span: StateSpan, names: Names): string {
  if (span.object === undefined || span.state !== 'waiting') return '';
  return span.op === BlockOp.Join ? names.thread(span.object) : names.object(span.object);
}

export function isHold(item: StateSpan | HoldSpan): item is HoldSpan {
  return !('state' in item);
}

/** Tooltip lines for a span or a hold: what, who, when, how long. */
export function describeItem(item: StateSpan | HoldSpan, names: Names): string[] {
  const what = isHold(item)
    ? `holds ${names.object(item.object)}`
    : item.state === 'waiting'
      ? `${stateStyle(item.state, 'light').name}: ${spanLabel(item, names)}`
      : stateStyle(item.state, 'light').name;
  return [
    what,
    `thread ${names.thread(item.thread)}`,
    `start ${formatUs(item.startUs)}`,
    `duration ${formatUs(item.endUs - item.startUs)}`,
  ];
}

/**
 * A sentence per lane for screen readers: each thread's share of time by state, largest first,
 * e.g. "T1: running 60%, waiting 40%."
 */
export function timelineSummaryOf(
  lanes: readonly { name: string; spans: readonly StateSpan[] }[],
  totalUs: number,
): string {
  const head = `${lanes.length} ${lanes.length === 1 ? 'thread' : 'threads'} over ${formatUs(totalUs)}.`;
  const perLane = lanes.map(({ name, spans }) => {
    const byState = new Map<ThreadState, number>();
    let laneUs = 0;
    for (const span of spans) {
      const us = span.endUs - span.startUs;
      byState.set(span.state, (byState.get(span.state) ?? 0) + us);
      laneUs += us;
    }
    if (laneUs <= 0) return `${name}: no activity.`;
    const shares = [...byState]
      .sort((a, b) => b[1] - a[1])
      .map(
        ([state, us]) => `${stateStyle(state, 'light').name} ${Math.round((100 * us) / laneUs)}%`,
      );
    return `${name}: ${shares.join(', ')}.`;
  });
  return [head, ...perLane].join(' ');
}
