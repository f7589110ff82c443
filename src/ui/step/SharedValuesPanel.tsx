import { useMemo } from 'react';
import type { LiveLog } from '../../runtime/live-log';
import { sharedValuesOf } from '../../trace/shared-values';

type Props = {
  log: LiveLog | null;
  /** The log's version: the values are derived again only when it brought something. */
  version: number;
};

/** Every shared variable's current value and who wrote it last, as of the step shown. */
export function SharedValuesPanel({ log, version }: Props) {
  const rows = useMemo(
    () => (log ? sharedValuesOf(log.events, log.objects) : []),
    // The log is appended to in place: its version says when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [log, version],
  );
  const names = new Map(log?.threads.map((t) => [t.id, t.name]));
  if (rows.length === 0) return null;
  return (
    <table className="shared-values">
      <caption>Shared values</caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Value</th>
          <th scope="col">Last written by</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.variable}>
            <th scope="row">{r.variable}</th>
            <td>{r.value ?? '—'}</td>
            <td>
              {r.value === null
                ? 'not read yet'
                : r.writer === null
                  ? 'nobody yet (its first value)'
                  : (names.get(r.writer) ?? `T${r.writer}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
