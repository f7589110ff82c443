import type { DemoDefinition } from '../../demos/types';

type Props = { demos: readonly DemoDefinition[]; value: string; onChange(id: string): void };

/** Picks a demo of the catalogue; the scratch demo is the learner's own program. */
export function DemoPicker({ demos, value, onChange }: Props) {
  return (
    <div className="demo-picker">
      <label htmlFor="demo-picker">Demo</label>
      <select id="demo-picker" value={value} onChange={(e) => onChange(e.target.value)}>
        {demos.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </div>
  );
}
