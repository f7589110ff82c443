import { useEffect, useRef } from 'react';

type Props = {
  snippet: string;
  previewUrl: string;
  onCopy(snippet: string): void;
  onClose(): void;
};

/** The iframe snippet to paste into a course page, and the embed as it will look. */
export function EmbedDialog({ snippet, previewUrl, onCopy, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-title" onClose={onClose}>
      <h2 id="embed-title">Embed this setup</h2>
      <label htmlFor="embed-snippet">Paste this into your course page:</label>
      <textarea
        id="embed-snippet"
        readOnly
        value={snippet}
        rows={4}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => onCopy(snippet)}>
          Copy embed code
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <h3>Preview</h3>
      <iframe
        className="embed-preview"
        src={previewUrl}
        title="Preview of the embed"
        height={360}
        allow="cross-origin-isolated"
      />
    </dialog>
  );
}
