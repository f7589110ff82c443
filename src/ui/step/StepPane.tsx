import type { DemoDefinition } from '../../demos/types';
import type { ParamValue } from '../../runtime/contract-types';
import type { StepState } from '../../runtime/step/types';
import { Challenge } from './Challenge';
import type { DeskState, StepDesk } from './step-desk';
import { StepControls } from './StepControls';

type Props = {
  desk: StepDesk;
  now: DeskState;
  step: StepState | null;
  demo: DemoDefinition;
  params: Record<string, ParamValue>;
  /** Steps of the state's schedule (replayed when the run opens). */
  scheduled: number;
};

/** What step mode adds under Run: the step controls, then the demo's challenge. */
export function StepPane({ desk, now, step, demo, params, scheduled }: Props) {
  return (
    <div className="step-pane">
      <StepControls desk={desk} now={now} step={step} scheduled={scheduled} />
      <Challenge demo={demo} params={params} step={step} now={now} />
    </div>
  );
}
