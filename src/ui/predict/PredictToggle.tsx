type Props = { on: boolean; onChange(on: boolean): void };

/** Turns prediction mode on or off: with it on, the learner predicts before each new run. */
export function PredictToggle({ on, onChange }: Props) {
  return (
    <label className="predict-toggle">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      Predict before running
    </label>
  );
}
