import { namesOf } from '../../trace/names';
import type { HoldSpan, StateSpan, TracedObject, TracedThread } from '../../trace/types';
import { describeItem } from '../timeline/span-text';

type Props = {
  selected: StateSpan | HoldSpan | null;
  threads: readonly TracedThread[];
  objects: readonly TracedObject[];
};

/** The span clicked on the timeline, in words: what, which thread, when, how long. */
export function SelectionPanel({ selected, threads, objects }: Props) {
  return (
    <aside className="selection-panel" aria-label="Selected span" aria-live="polite">
      {selected ? (
        <ul>
          {describeItem(selected, namesOf(threads, objects)).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">Click a span on the timeline to see it here.</p>
      )}
    </aside>
  );
}
