import { useId } from 'react';
import type { TracedThread } from '../../trace/types';

type Props = {
  threads: readonly TracedThread[];
  value: number | null;
  onChange(thread: number | null): void;
};

/** "Thread: All threads / T0 / T1 …": the filter the output console and the event table share. */
export function ThreadFilter({ threads, value, onChange }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Thread</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) =>
          onChange(event.target.value === '' ? null : Number(event.target.value))
        }
      >
        <option value="">All threads</option>
        {threads.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </>
  );
}
