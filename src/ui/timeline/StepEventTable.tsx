import { useMemo, useState } from 'react';
import { pageOf } from './event-rows';
import type { StepTimelineModel } from './step-model';
import { stepRowsOf } from './step-rows';
import { TableControls } from './TableControls';

type Props = { model: StepTimelineModel; pageSize?: number };

const PAGE_SIZE = 200;

/**
 * The event table of a step run: one row per step (who moved, the operation and its value, lost
 * updates named) and per stretch a thread could not move, filterable by thread, paged.
 */
export function StepEventTable({ model, pageSize = PAGE_SIZE }: Props) {
  const [thread, setThread] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const rows = useMemo(() => stepRowsOf(model, thread), [model, thread]);
  const { index, pages, from, to } = pageOf(rows.length, pageSize, page);
  return (
    <section className="event-table">
      <TableControls
        threads={model.lanes.map((l) => l.thread)}
        thread={thread}
        onThread={setThread}
        index={index}
        pages={pages}
        status={
          rows.length === 0
            ? 'No steps yet'
            : `Rows ${from + 1}–${to} of ${rows.length} (page ${index + 1} of ${pages})`
        }
        onPage={setPage}
      />
      <div className="event-table-scroll" tabIndex={0} role="region" aria-label="Steps">
        <table>
          <caption className="visually-hidden">
            Each step of the run in order: the thread that moved, the operation with its value, the
            object; and the steps during which a thread could not move, with the reason.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Step
              </th>
              <th scope="col">Thread</th>
              <th scope="col">Operation</th>
              <th scope="col">Object</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(from, to).map((row) => (
              <tr key={row.key}>
                <td className="num">{row.step}</td>
                <th scope="row">{row.thread}</th>
                <td>{row.operation}</td>
                <td>{row.object}</td>
                <td>{row.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
