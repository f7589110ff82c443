import { lazy, Suspense, useState } from 'react';
import type { Session } from '../../runtime/session';
import { shareUrl } from '../../share/url-state';
import { lookupFor } from '../startup';
import { EmbedDialog } from './EmbedDialog';

// Only course authors make recordings: its checker and codec load when the dialog opens.
const RecordingDialog = lazy(() => import('./RecordingDialog'));

type Props = { session: Session; title: string };

/**
 * Share copies a link to exactly this setup; Embed builds the iframe snippet with a live preview;
 * Recording shares the last run for browsers that cannot run threads where the link opens.
 */
export function ShareButtons({ session, title }: Props) {
  const [note, setNote] = useState('');
  const [dialog, setDialog] = useState<'embed' | 'recording' | null>(null);
  const base = `${location.origin}${location.pathname}`;
  const copy = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(done);
    } catch {
      setNote('Copying was refused: select the link in the address bar instead.');
    }
  };
  const close = () => setDialog(null);
  return (
    <div className="share-buttons">
      {/* The link is compressed on click, not at every render: a step run renders at every step. */}
      <button
        type="button"
        onClick={() =>
          void copy(shareUrl(base, session.state(), lookupFor(session)), 'Link copied.')
        }
      >
        Share
      </button>
      <button type="button" onClick={() => setDialog('embed')}>
        Embed
      </button>
      <button type="button" onClick={() => setDialog('recording')}>
        Recording
      </button>
      <span role="status" className="share-note">
        {note}
      </span>
      {dialog === 'embed' && (
        <EmbedDialog
          state={session.state()}
          lookup={lookupFor(session)}
          base={base}
          title={`Interleave: ${title}`}
          onCopy={(snippet) => void copy(snippet, 'Embed code copied.')}
          onClose={close}
        />
      )}
      {dialog === 'recording' && (
        <Suspense fallback={null}>
          <RecordingDialog
            session={session}
            base={base}
            onCopy={(text) => void copy(text, 'Link with recording copied.')}
            onClose={close}
          />
        </Suspense>
      )}
    </div>
  );
}
