import type { Names } from '../../trace/names';
import type { StateSpan } from '../../trace/types';
import { stateStyle } from './palette';
import { spanObject } from './span-text';

// The event table's rows: spans (optionally one thread's) in time order, as the words it shows.

export type EventRow = {
  key: string;
  thread: string;
  state: string;
  object: string;
  startMs: string;
  durationMs: string;
};

/** Spans of `thread` (all threads when null), sorted by start then thread. */
export function spansFor(spans: readonly StateSpan[], thread: number | null): StateSpan[] {
  const chosen = thread === null ? [...spans] : spans.filter((s) => s.thread === thread);
  return chosen.sort((a, b) => a.startUs - b.startUs || a.thread - b.thread);
}

/** Milliseconds with three decimals (µs precision), as the table shows times. */
export function msOf(us: number): string {
  return (us / 1000).toFixed(3);
}

export function rowOf(span: StateSpan, names: Names): EventRow {
  return {
    key: `${span.thread}:${span.startUs}:${span.state}`,
    thread: names.thread(span.thread),
    state: stateStyle(span.state, 'light').name,
    object: spanObject(span, names),
    startMs: msOf(span.startUs),
    durationMs: msOf(span.endUs - span.startUs),
  };
}

/** The page `page` (0-based) of `count` items in pages of `size`, clamped to an existing page. */
export function pageOf(count: number, size: number, page: number) {
  const pages = Math.max(1, Math.ceil(count / size));
  const index = Math.min(Math.max(0, page), pages - 1);
  return { index, pages, from: index * size, to: Math.min(count, (index + 1) * size) };
}
