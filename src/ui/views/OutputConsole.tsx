import { useId, useLayoutEffect, useRef, useState } from 'react';
import { ThreadFilter } from './ThreadFilter';
import type { RunReport } from '../../runtime/contract-types';
import type { TracedThread } from '../../trace/types';

export type OutputConsoleProps = {
  lines: RunReport['output'];
  threads: TracedThread[];
  truncated: boolean;
  onInput?(line: string): void;
  waitingForInput: { thread: number; prompt: string } | null;
};

/** Lines kept in the DOM: the runtime keeps up to 10,000, more than a log view needs at once. */
const MAX_SHOWN = 1000;
/** Within this distance (px) of the bottom the view counts as following new lines. */
const PINNED_SLACK_PX = 8;
/** Thread colours cycle through this many CSS tones (theme.css `.thread-tone-N`). */
const TONES = 8;

/**
 * What the program printed, per thread (name as text and a colour), with the time of each line, a
 * thread filter, and an input line for `input()`. Follows new lines unless the learner scrolled up.
 */
export function OutputConsole(props: OutputConsoleProps) {
  const { lines, threads, truncated, onInput, waitingForInput } = props;
  const inputId = useId();
  const [thread, setThread] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  const toneOf = new Map(threads.map((t, i) => [t.id, i % TONES]));
  const nameOf = new Map(threads.map((t) => [t.id, t.name]));
  const chosen = thread === null ? lines : lines.filter((line) => line.thread === thread);
  const shown = chosen.slice(-MAX_SHOWN);
  const waiting = waitingForInput !== null && onInput !== undefined;
  const waiterName = waitingForInput ? (nameOf.get(waitingForInput.thread) ?? '') : '';

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (box !== null && pinned.current) box.scrollTop = box.scrollHeight;
  }, [chosen.length, thread]);

  return (
    <section className="output">
      <div className="output-controls">
        <ThreadFilter threads={threads} value={thread} onChange={setThread} />
      </div>
      <div
        ref={scrollRef}
        className="output-lines"
        role="log"
        aria-live="polite"
        aria-label="Program output"
        tabIndex={0}
        onScroll={(event) => {
          const box = event.currentTarget;
          pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < PINNED_SLACK_PX;
        }}
      >
        {chosen.length > shown.length ? (
          <p className="output-note">
            Showing the last {MAX_SHOWN} of {chosen.length} lines.
          </p>
        ) : null}
        {shown.length === 0 ? <p className="output-note">No output yet.</p> : null}
        {shown.map((line, i) => (
          <div key={chosen.length - shown.length + i} className="output-line">
            <span className="output-time">{line.t.toFixed(1)} ms</span>
            <span className={`output-thread thread-tone-${toneOf.get(line.thread) ?? 0}`}>
              {nameOf.get(line.thread) ?? `thread ${line.thread}`}
            </span>
            <span className="output-text">{line.text}</span>
          </div>
        ))}
        {truncated ? (
          <p className="output-note" role="note">
            Output truncated: later lines were dropped.
          </p>
        ) : null}
      </div>
      <form
        className="output-input"
        onSubmit={(event) => {
          event.preventDefault();
          if (!waiting) return;
          onInput(draft);
          setDraft('');
        }}
      >
        <label htmlFor={inputId}>
          {waitingForInput
            ? `Input for ${waiterName}${waitingForInput.prompt ? `: ${waitingForInput.prompt}` : ''}`
            : 'Input (when the program asks)'}
        </label>
        <input
          id={inputId}
          value={draft}
          disabled={!waiting}
          onChange={(event) => setDraft(event.target.value)}
          autoComplete="off"
        />
        <button type="submit" disabled={!waiting}>
          Send
        </button>
      </form>
    </section>
  );
}
