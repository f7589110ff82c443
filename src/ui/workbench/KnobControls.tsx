import type { Knob } from '../../demos/types';
import type { ParamValue } from '../../runtime/contract-types';

type Props = {
  knobs: readonly Knob[];
  values: Record<string, ParamValue>;
  disabled: boolean;
  onChange(id: string, value: ParamValue): void;
};

/** The knobs are generated from the demo's definition: changing one never needs a code edit. */
export function KnobControls({ knobs, values, disabled, onChange }: Props) {
  return (
    <fieldset className="knobs" disabled={disabled}>
      <legend>Knobs</legend>
      {knobs.map((knob) => {
        const id = `knob-${knob.id}`;
        const value = values[knob.id] ?? knob.default;
        const help = knob.help ? <small id={`${id}-help`}>{knob.help}</small> : null;
        const describedBy = knob.help ? `${id}-help` : undefined;
        if (knob.kind === 'boolean') {
          return (
            <div className="knob knob-boolean" key={knob.id}>
              <input
                id={id}
                type="checkbox"
                checked={value === true}
                aria-describedby={describedBy}
                onChange={(e) => onChange(knob.id, e.target.checked)}
              />
              <label htmlFor={id}>{knob.label}</label>
              {help}
            </div>
          );
        }
        if (knob.kind === 'choice') {
          return (
            <div className="knob" key={knob.id}>
              <label htmlFor={id}>{knob.label}</label>
              <select
                id={id}
                value={String(value)}
                aria-describedby={describedBy}
                onChange={(e) => onChange(knob.id, e.target.value)}
              >
                {knob.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {help}
            </div>
          );
        }
        return (
          <div className="knob" key={knob.id}>
            <label htmlFor={id}>{knob.label}</label>
            <input
              id={id}
              type="number"
              min={knob.min}
              max={knob.max}
              step={knob.step ?? 1}
              value={Number(value)}
              aria-describedby={describedBy}
              onChange={(e) => {
                const n = e.target.valueAsNumber;
                if (Number.isFinite(n))
                  onChange(knob.id, Math.min(knob.max, Math.max(knob.min, n)));
              }}
            />
            {help}
          </div>
        );
      })}
    </fieldset>
  );
}
