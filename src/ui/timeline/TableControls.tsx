import type { TracedThread } from '../../trace/types';
import { ThreadFilter } from '../views/ThreadFilter';

type Props = {
  threads: readonly TracedThread[];
  /** The thread shown, or null for all. Choosing another goes back to the first page. */
  thread: number | null;
  onThread: (thread: number | null) => void;
  /** The page shown (from 0) and how many there are. */
  index: number;
  pages: number;
  /** Where the reader is, announced politely ("Rows 1–200 of 950 (page 1 of 5)"). */
  status: string;
  onPage: (index: number) => void;
};

/** An event table's controls: the thread filter, and Previous / Next through its pages. */
export function TableControls({ threads, thread, onThread, index, pages, status, onPage }: Props) {
  return (
    <div className="event-table-controls">
      <ThreadFilter
        threads={threads}
        value={thread}
        onChange={(next) => {
          onThread(next);
          onPage(0);
        }}
      />
      <nav aria-label="Table pages" className="event-table-pages">
        <button type="button" disabled={index === 0} onClick={() => onPage(index - 1)}>
          Previous
        </button>
        <span aria-live="polite">{status}</span>
        <button type="button" disabled={index >= pages - 1} onClick={() => onPage(index + 1)}>
          Next
        </button>
      </nav>
    </div>
  );
}
