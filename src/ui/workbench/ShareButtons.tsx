import { useState } from 'react';
import type { Session } from '../../runtime/session';
import { shareUrl } from '../../share/url-state';
import { lookupFor } from '../startup';
import { EmbedDialog } from './EmbedDialog';

type Props = { session: Session; title: string };

/** Share copies a link to exactly this setup; Embed shows the iframe snippet with a live preview. */
export function ShareButtons({ session, title }: Props) {
  const [note, setNote] = useState('');
  const [embedding, setEmbedding] = useState(false);
  const base = `${location.origin}${location.pathname}`;
  const link = shareUrl(base, session.state(), lookupFor(session));
  const copy = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(done);
    } catch {
      setNote('Copying was refused: select the link in the address bar instead.');
    }
  };
  return (
    <div className="share-buttons">
      <button type="button" onClick={() => void copy(link, 'Link copied.')}>
        Share
      </button>
      <button type="button" onClick={() => setEmbedding(true)}>
        Embed
      </button>
      <span role="status" className="share-note">
        {note}
      </span>
      {embedding && (
        <EmbedDialog
          state={session.state()}
          lookup={lookupFor(session)}
          base={base}
          title={`Interleave: ${title}`}
          onCopy={(snippet) => void copy(snippet, 'Embed code copied.')}
          onClose={() => setEmbedding(false)}
        />
      )}
    </div>
  );
}
