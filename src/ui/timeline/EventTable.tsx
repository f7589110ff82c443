import { useMemo, useState } from 'react';
import { namesOf } from '../../trace/names';
import type { StateSpan, TimedEvent, TracedObject, TracedThread } from '../../trace/types';
import { entriesFor, entryRowOf, pageOf } from './event-rows';
import { TableControls } from './TableControls';

export type EventTableProps = {
  threads: TracedThread[];
  objects: TracedObject[];
  spans: StateSpan[];
  /** Shared reads and writes with their values, one row each. */
  values?: TimedEvent[];
  /** Rows per page; a few hundred keep the DOM light and a screen reader's table navigation quick. */
  pageSize?: number;
};

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The timeline as a table a screen reader can walk: one row per state span and per shared read or
 * write, filterable by thread, paged.
 */
export function EventTable({ threads, objects, spans, values, pageSize = 200 }: EventTableProps) {
  const [thread, setThread] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const names = useMemo(() => namesOf(threads, objects), [threads, objects]);
  const chosen = useMemo(() => entriesFor(spans, values ?? [], thread), [spans, values, thread]);
  const { index, pages, from, to } = pageOf(chosen.length, pageSize, page);
  const rows = chosen.slice(from, to).map((entry) => entryRowOf(entry, names));

  return (
    <section className="event-table">
      <TableControls
        threads={threads}
        thread={thread}
        onThread={setThread}
        index={index}
        pages={pages}
        status={
          chosen.length === 0
            ? 'No spans'
            : `Rows ${count(from + 1)}–${count(to)} of ${count(chosen.length)} (page ${count(index + 1)} of ${count(pages)})`
        }
        onPage={setPage}
      />
      <div className="event-table-scroll" tabIndex={0} role="region" aria-label="Spans">
        <table>
          <caption className="visually-hidden">
            What each thread did and when: state, the object it waited for, start and duration in
            milliseconds; each read and write of a shared variable with its value.
          </caption>
          <thead>
            <tr>
              <th scope="col">Thread</th>
              <th scope="col">State</th>
              <th scope="col">Object</th>
              <th scope="col" className="num">
                Start (ms)
              </th>
              <th scope="col" className="num">
                Duration (ms)
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.thread}</th>
                <td>{row.state}</td>
                <td>{row.object}</td>
                <td className="num">{row.startMs}</td>
                <td className="num">{row.durationMs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
