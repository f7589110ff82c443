import type { Names } from '../../trace/names';
import type { StateSpan, TimedEvent } from '../../trace/types';
import { isValueEvent, valueEventWords } from '../../trace/value-events';
import { stateStyle } from './palette';
import { spanObject } from './span-text';

// The event table's rows: spans and shared reads and writes (optionally one thread's) in time
// order, as the words it shows.

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

/** A table entry: a state span, or a shared read or write (an instant). */
export type TableEntry = StateSpan | TimedEvent;

/**
 * Spans and value events of `thread` (all threads when null), sorted by start then thread; a
 * read or write at a span's start comes after the span's row.
 */
export function entriesFor(
  spans: readonly StateSpan[],
  values: readonly TimedEvent[],
  thread: number | null,
): TableEntry[] {
  const chosen = values.filter((e) => isValueEvent(e) && (thread === null || e.thread === thread));
  if (chosen.length === 0) return spansFor(spans, thread);
  const startOf = (e: TableEntry) => ('startUs' in e ? e.startUs : e.timeUs);
  return [...spansFor(spans, thread), ...chosen].sort(
    (a, b) =>
      startOf(a) - startOf(b) || a.thread - b.thread || Number('seq' in a) - Number('seq' in b),
  );
}

/** A table entry's row: a span's, or a value event's ("read", "counter → 5", no duration). */
export function entryRowOf(entry: TableEntry, names: Names): EventRow {
  if ('startUs' in entry) return rowOf(entry, names);
  const words = isValueEvent(entry) ? valueEventWords(entry, names) : { op: '', text: '' };
  return {
    key: `${entry.thread}:seq${entry.seq}`,
    thread: names.thread(entry.thread),
    state: words.op,
    object: words.text,
    startMs: msOf(entry.timeUs),
    durationMs: '',
  };
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
