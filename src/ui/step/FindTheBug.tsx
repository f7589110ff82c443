import type { SearchProgress } from '../../runtime/contract-types';
import type { DeskState, StepDesk } from './step-desk';
import { searchSentence } from './step-words';

type Props = {
  desk: StepDesk;
  now: DeskState;
  /** The search in progress (runs and ms so far), null when none runs. */
  progress: SearchProgress | null;
};

/**
 * Find the bug: searches the current program and knobs for a failing interleaving, with progress
 * and Cancel; then says what it found (opened in step mode at step 0) or what it covered.
 */
export function FindTheBug({ desk, now, progress }: Props) {
  const searching = now.search.kind === 'running';
  return (
    <div className="find-bug">
      {searching ? (
        <button type="button" onClick={() => desk.cancelSearch()}>
          Cancel
        </button>
      ) : (
        <button type="button" onClick={() => void desk.findBug()}>
          Find the bug
        </button>
      )}
      <p role="status" className="find-bug-status">
        {searching
          ? `Searching for a failing interleaving… ${progress?.runs ?? 0} runs, ` +
            `${((progress?.ms ?? 0) / 1000).toFixed(1)} s.`
          : now.search.kind === 'done'
            ? searchSentence(now.search.result)
            : now.search.kind === 'failed'
              ? `The search could not run: ${now.search.message}`
              : ''}
      </p>
    </div>
  );
}
