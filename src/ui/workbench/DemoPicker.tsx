import { useId, useMemo, useState } from 'react';
import type { DemoDefinition } from '../../demos/types';
import { demoGroupsOf } from './demo-groups';

type Props = { demos: readonly DemoDefinition[]; value: string; onChange(id: string): void };

/**
 * Picks a demo: a search field narrows a native select grouped by topic (the browser's own
 * listbox, so every keyboard and screen reader already knows it). Enter in the field opens the
 * first match.
 */
export function DemoPicker({ demos, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => demoGroupsOf(demos, query, value), [demos, query, value]);
  const matches = useMemo(() => demoGroupsOf(demos, query).flatMap((g) => g.demos), [demos, query]);
  const countId = useId();
  const first = matches[0];
  return (
    <div className="demo-picker">
      <label htmlFor="demo-search">Search demos</label>
      <input
        id="demo-search"
        type="search"
        value={query}
        placeholder="lock, queue, GIL…"
        aria-controls="demo-picker"
        aria-describedby={countId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && query !== '' && first) {
            e.preventDefault();
            onChange(first.id);
          }
        }}
      />
      <span id={countId} className="visually-hidden" aria-live="polite">
        {query === '' ? '' : `${matches.length} demo${matches.length === 1 ? '' : 's'} match`}
      </span>
      <label htmlFor="demo-picker">Demo</label>
      <select id="demo-picker" value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.demos.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
