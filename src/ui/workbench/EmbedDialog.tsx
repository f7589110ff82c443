import { useEffect, useRef, useState } from 'react';
import type { State } from '../../runtime/contract-types';
import {
  MINIMAL_EMBED,
  embedFlagsOf,
  embedStateOf,
  type EmbedOptions,
} from '../../share/embed-options';
import { VIEW_NAMES, type ViewName } from '../../share/flags';
import { embedSnippet, shareUrl, type DemoLookup } from '../../share/url-state';

type Props = {
  state: State;
  lookup: DemoLookup;
  /** The app's address, without query or hash. */
  base: string;
  title: string;
  onCopy(snippet: string): void;
  onClose(): void;
};

const SWITCHES: {
  key: 'knobs' | 'explain' | 'step' | 'predict' | 'resize' | 'edit';
  label: string;
}[] = [
  { key: 'knobs', label: 'Knobs (readers can flip bug and fix)' },
  { key: 'explain', label: 'The explanation' },
  { key: 'step', label: 'Step mode' },
  { key: 'predict', label: 'Prediction exercise (predict, then run)' },
  { key: 'edit', label: 'Readers may edit the program' },
  { key: 'resize', label: 'Fit the frame to its content (adds a script)' },
];

const VIEW_LABELS: Record<ViewName, string> = {
  timeline: 'Timeline',
  graph: 'Wait-for graph',
  output: 'Output',
  events: 'Event table',
  lab: 'Speedup lab',
};

/** Chooses what an embed shows, with the iframe snippet to paste and the embed as it will look. */
export function EmbedDialog({ state, lookup, base, title, onCopy, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<EmbedOptions>(MINIMAL_EMBED);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const url = shareUrl(base, embedStateOf(state, options), lookup, embedFlagsOf(options));
  const snippet = embedSnippet(url, { title, resize: options.resize });
  const toggleView = (view: ViewName, on: boolean) =>
    setOptions({
      ...options,
      views: on ? [...options.views, view] : options.views.filter((v) => v !== view),
    });
  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-title" onClose={onClose}>
      <h2 id="embed-title">Embed this setup</h2>
      <fieldset className="embed-options">
        <legend>Show in the embed</legend>
        {SWITCHES.map(({ key, label }) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={options[key]}
              onChange={(e) => setOptions({ ...options, [key]: e.target.checked })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="embed-options">
        <legend>Views</legend>
        {VIEW_NAMES.map((view) => (
          <label key={view}>
            <input
              type="checkbox"
              checked={options.views.includes(view)}
              onChange={(e) => toggleView(view, e.target.checked)}
            />{' '}
            {VIEW_LABELS[view]}
          </label>
        ))}
      </fieldset>
      <label htmlFor="embed-snippet">Paste this into your course page:</label>
      <textarea
        id="embed-snippet"
        readOnly
        value={snippet}
        rows={options.resize ? 9 : 4}
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
        src={url}
        title="Preview of the embed"
        height={360}
        allow="cross-origin-isolated"
      />
    </dialog>
  );
}
