import { useId } from 'react';
import type { StepThread } from '../../runtime/step/types';
import { laneHeaderOf } from './step-model';

type Props = {
  thread: { id: number; name: string };
  /** The thread as it is now; absent once it is no longer listed. */
  now: StepThread | undefined;
  /** The run has ended, or a step is in flight: nothing can be stepped. */
  frozen: boolean;
  onStep(thread: number): void;
};

/**
 * A lane's header: the button that steps the thread, named by what the step does ("Step T0: read
 * counter, line 8"), and beside it whether the thread can move ("waits for lockB, held by T1").
 * The button stays focusable when the thread cannot move (aria-disabled), so a keyboard user's
 * focus is not thrown out of the lane by the step they just took.
 */
export function StepLaneHeader({ thread, now, frozen, onStep }: Props) {
  const statusId = useId();
  const header = laneHeaderOf(now, thread.name);
  const disabled = frozen || !header.enabled;
  return (
    <div className={`step-lane-header step-thread-${thread.id % 8}`}>
      <button
        type="button"
        className="step-lane-button"
        aria-disabled={disabled}
        aria-describedby={header.status === '' ? undefined : statusId}
        onClick={() => {
          if (!disabled) onStep(thread.id);
        }}
      >
        <span className="step-lane-lead">{header.lead}</span>{' '}
        <span className="step-lane-op">{header.op}</span>
      </button>
      {header.status === '' ? null : (
        <span
          id={statusId}
          className={header.enabled ? 'step-lane-status' : 'step-lane-status step-lane-blocked'}
        >
          {header.status}
        </span>
      )}
    </div>
  );
}
