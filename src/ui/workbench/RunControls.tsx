type Props = { running: boolean; onRun(): void; onStop(): void };

/** Run and Stop; Ctrl/Cmd+Enter and Escape do the same from anywhere (see useShortcuts). */
export function RunControls({ running, onRun, onStop }: Props) {
  return (
    <div className="run-controls">
      <button
        type="button"
        className="primary"
        onClick={onRun}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        {running ? 'Restart' : 'Run'}
      </button>
      <button type="button" onClick={onStop} disabled={!running} aria-keyshortcuts="Escape">
        Stop
      </button>
      <span className="hint" aria-hidden="true">
        Ctrl+Enter runs · Esc stops
      </span>
    </div>
  );
}
