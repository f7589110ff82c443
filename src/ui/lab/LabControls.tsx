import { useId } from 'react';
import { formatParamValue, MAX_REPEATS } from '../../lab/options';
import type { ParamValue } from '../../runtime/contract-types';

export type LabSettings = {
  /** As typed: parsed on Start, so a half-typed list is not an error while editing. */
  threadsText: string;
  repeats: number;
  /** A knob id to vary, or 'none'. */
  vary: string;
};

type Props = {
  settings: LabSettings;
  onChange(settings: LabSettings): void;
  /** The knobs a sweep may compare, with the values each series takes. */
  varyChoices: Record<string, ParamValue[]>;
  running: boolean;
  /** Why the thread list cannot be used, shown beside it. */
  threadsError: string | null;
  onStart(): void;
  onCancel(): void;
};

/** Thread list, repeats and the varied knob, with Start and Cancel. */
export function LabControls(props: Props) {
  const { settings, onChange, varyChoices, running, threadsError, onStart, onCancel } = props;
  const id = useId();
  return (
    <form
      className="lab-controls"
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <label>
        Thread counts
        <input
          value={settings.threadsText}
          onChange={(e) => onChange({ ...settings, threadsText: e.target.value })}
          disabled={running}
          aria-invalid={threadsError !== null}
          aria-describedby={threadsError ? `${id}-threads-error` : undefined}
          inputMode="numeric"
        />
      </label>
      <label>
        Repeats
        <input
          type="number"
          min={1}
          max={MAX_REPEATS}
          value={settings.repeats}
          onChange={(e) => {
            const repeats = Math.round(Number(e.target.value));
            if (repeats >= 1 && repeats <= MAX_REPEATS) onChange({ ...settings, repeats });
          }}
          disabled={running}
        />
      </label>
      <label>
        Compare
        <select
          value={settings.vary}
          onChange={(e) => onChange({ ...settings, vary: e.target.value })}
          disabled={running}
        >
          <option value="none">nothing</option>
          {Object.entries(varyChoices).map(([knob, values]) => (
            <option key={knob} value={knob}>
              {knob}: {values.map(formatParamValue).join(' vs ')}
            </option>
          ))}
        </select>
      </label>
      {/* Distinct keys: were the DOM button reused, a click on Cancel would re-render it as the
          submit button before the click's default action, and start a new sweep at once. */}
      {running ? (
        <button key="cancel" type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        <button key="start" type="submit" disabled={threadsError !== null}>
          Start sweep
        </button>
      )}
      {threadsError && (
        <p id={`${id}-threads-error`} className="lab-error" role="alert">
          {threadsError}
        </p>
      )}
    </form>
  );
}
