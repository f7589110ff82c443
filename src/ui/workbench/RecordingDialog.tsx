import { useEffect, useMemo, useRef } from 'react';
import type { Session } from '../../runtime/session';
import { shareUrl } from '../../share/url-state';
import { download } from '../download';
import { recordingOf } from '../fallback/record-run';
import { RECORDING_LINK, recordingHashPart } from '../fallback/recording-link';
import { lookupFor } from '../startup';

type Props = {
  session: Session;
  /** The app's address, without query or hash. */
  base: string;
  onCopy(link: string): void;
  onClose(): void;
};

/**
 * A recording of the last run, for readers whose browser cannot run threads where the link is
 * opened (an embed in Firefox or Safari): in the link when it is small, else as a file to host.
 */
export default function RecordingDialog({ session, base, onCopy, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const recording = useMemo(() => recordingOf(session), [session]);
  const link = useMemo(() => {
    const part = recording ? recordingHashPart(recording) : null;
    return part ? `${shareUrl(base, session.state(), lookupFor(session))}&${part}` : null;
  }, [recording, base, session]);
  const limitKb = RECORDING_LINK.maxChars / 1024;
  return (
    <dialog
      ref={dialog}
      className="embed-dialog"
      aria-labelledby="recording-title"
      onClose={onClose}
    >
      <h2 id="recording-title">Share a recording of the last run</h2>
      <p>
        Where a browser cannot run threads (Firefox and Safari inside another site’s page), the page
        replays this recording instead, with a button to open it live in a new tab.
      </p>
      {!recording ? (
        <p>Run the program first: the recording is of its last finished run.</p>
      ) : link ? (
        <>
          <label htmlFor="recording-link">
            Link with the recording ({Math.ceil(link.length / 1024)} KB):
          </label>
          <textarea id="recording-link" readOnly value={link} rows={4} />
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={() => onCopy(link)}>
              Copy link with recording
            </button>
          </div>
        </>
      ) : (
        <p>
          This run is too large to travel in a link (over {limitKb} KB compressed). Download it, put
          the file on the site that serves Interleave, and add <code>?recording=</code> and the
          file’s path to the link.
        </p>
      )}
      <div className="dialog-buttons">
        {recording && (
          <button
            type="button"
            onClick={() =>
              download(`interleave-${recording.demo}-recording.json`, JSON.stringify(recording))
            }
          >
            Download the recording
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
