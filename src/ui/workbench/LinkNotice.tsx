import { useState } from 'react';
import type { State } from '../../runtime/contract-types';

type Props = {
  problems: readonly string[];
  codeFromLink: boolean;
  draft: State | null;
  onRestoreDraft(draft: State): void;
};

/**
 * What the learner must know about how the page opened: a damaged link (and what was kept), code
 * that came from the link (it has not run), a draft of theirs the link did not overwrite.
 */
export function LinkNotice({ problems, codeFromLink, draft, onRestoreDraft }: Props) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || (problems.length === 0 && !codeFromLink && !draft)) return null;
  return (
    <div className="link-notice" role="status">
      {problems.length > 0 && (
        <div>
          <strong>This link could not be opened as it is.</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {codeFromLink && (
        <p>
          <strong>This program came from the link.</strong> Read it before you click Run: nothing
          has run yet.
        </p>
      )}
      {draft && (
        <p>
          Your own draft ({draft.demo}) is still saved.{' '}
          <button type="button" onClick={() => onRestoreDraft(draft)}>
            Restore my draft
          </button>
        </p>
      )}
      <button
        type="button"
        className="link-notice-close"
        onClick={() => setDismissed(true)}
        aria-label="Dismiss this notice"
      >
        ✕
      </button>
    </div>
  );
}
