import type { NoticeBoard } from '../notices';
import { useStore } from '../value-store';

type Props = { notices: NoticeBoard };

/**
 * What happened to the program after the page opened that the reader must know: the page around
 * this frame loaded (and perhaps ran) a program of its own, a load moved knobs into their range,
 * the draft could not be saved.
 */
export function PageNotices({ notices }: Props) {
  const { hostCode, clamped, draftUnsaved } = useStore(notices);
  if (!hostCode && clamped.length === 0 && !draftUnsaved) return null;
  return (
    <div className="link-notice" role="status">
      {hostCode && (
        <p>
          <strong>This program was loaded by the page around this frame</strong> ({hostCode.origin}
          ), not written by Interleave. That page can run it without a click
          {hostCode.ran ? ', and it has run it.' : '; it has not run yet.'}
        </p>
      )}
      {clamped.length > 0 && (
        <div>
          <strong>Some knob settings were outside their range and were moved into it.</strong>
          <ul>
            {clamped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {draftUnsaved && (
        <p>
          <strong>Your draft could not be saved</strong>: this browser’s storage for the site is
          full or refused. Your work is still here; use Share to keep a link to it, or free some
          storage. No older draft is kept, so the next visit will not show an outdated one.
        </p>
      )}
    </div>
  );
}
