import type { DemoDefinition } from '../../demos/types';

type Props = { demos: readonly DemoDefinition[]; value: string; onChange(id: string): void };

/** Picks a demo of the catalogue; the scratch demo is the learner's own program. */
export function DemoPicker({ demos, value, onChange }: Props) {
  return (
    <label className="demo-picker">
      <span>Demo</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {demos.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  );
}
