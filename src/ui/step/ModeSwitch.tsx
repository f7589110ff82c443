type Props = { mode: 'parallel' | 'step'; onChange(mode: 'parallel' | 'step'): void };

const MODES = [
  { id: 'parallel', label: 'Parallel', hint: 'every thread runs at once, on real cores' },
  { id: 'step', label: 'Step', hint: 'you choose which thread moves next' },
] as const;

/** Parallel or Step, beside Run: native radios, so arrow keys switch and the choice is announced. */
export function ModeSwitch({ mode, onChange }: Props) {
  return (
    <fieldset className="mode-switch">
      <legend className="visually-hidden">Mode</legend>
      {MODES.map((m) => (
        <label key={m.id} title={m.hint}>
          <input
            type="radio"
            name="run-mode"
            value={m.id}
            checked={mode === m.id}
            onChange={() => onChange(m.id)}
          />
          <span>{m.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
