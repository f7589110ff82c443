import type { StepState } from '../../runtime/step/types';
import type { DeskState, StepDesk } from './step-desk';
import { nextInGuide } from './step-words';
import { DeskButton } from './DeskButton';

type Props = {
  desk: StepDesk;
  now: DeskState;
  /** The open step run; null before it opens (or while a link's code waits for a click). */
  step: StepState | null;
  /** Steps of the state's schedule, which Open in step mode replays. */
  scheduled: number;
};

/**
 * Step (random), Run to end, Back and Restart, what the run is doing, and — after Find the bug —
 * stepping along or playing the schedule it found. Keys 1–9 step T0–T8 (useShortcuts).
 */
export function StepControls({ desk, now, step, scheduled }: Props) {
  if (!step)
    return (
      <section className="step-controls" aria-label="Step controls">
        <div className="step-buttons">
          <button type="button" className="primary" onClick={() => void desk.open()}>
            Open in step mode
          </button>
          {scheduled > 0 && (
            <button type="button" onClick={() => void desk.restart()}>
              Start from step 0
            </button>
          )}
        </div>
        <p role="status" className="step-status">
          {now.pending > 0
            ? 'Opening the step run…'
            : scheduled > 0
              ? `The run opens paused after the ${scheduled} steps of its schedule.`
              : 'The run opens paused, each thread before its first step.'}
        </p>
        {now.problem && <p className="step-problem">{now.problem}</p>}
      </section>
    );
  const ended = step.report !== undefined;
  const movable = step.threads.filter((t) => t.enabled).map((t) => t.name);
  const along = nextInGuide(now.guide, step.schedule);
  return (
    <section className="step-controls" aria-label="Step controls">
      <div className="step-buttons">
        <DeskButton off={ended} onPress={() => desk.step()} primary>
          Step (random)
        </DeskButton>
        <DeskButton off={ended} onPress={() => desk.runToEnd()}>
          Run to end
        </DeskButton>
        <DeskButton off={step.steps === 0} onPress={() => desk.back()}>
          Back
        </DeskButton>
        <DeskButton off={false} onPress={() => desk.restart()}>
          Restart
        </DeskButton>
      </div>
      <p role="status" className="step-status">
        {`Step ${step.steps}. `}
        {ended
          ? `The run ended: ${step.report?.outcome}.`
          : movable.length > 0
            ? `Can move: ${movable.join(', ')}.`
            : 'No thread can move.'}
      </p>
      {now.problem && <p className="step-problem">{now.problem}</p>}
      <p className="hint">Press 1–9 to step T0–T8; Back undoes a step.</p>
      {now.guide && (
        <div className="step-guide" role="group" aria-label="The found schedule">
          <span>
            {along === undefined
              ? step.schedule.length >= now.guide.length
                ? 'You are at the end of the found schedule.'
                : 'You have left the found schedule: Restart to follow it again.'
              : `Found schedule: step ${step.schedule.length + 1} of ${now.guide.length} is T${along}.`}
          </span>
          <DeskButton off={along === undefined} onPress={() => desk.stepAlong()}>
            Step along it
          </DeskButton>
          {now.playing ? (
            <DeskButton off={false} onPress={() => desk.pause()}>
              Pause
            </DeskButton>
          ) : (
            <DeskButton off={along === undefined} onPress={() => desk.play()}>
              Play it
            </DeskButton>
          )}
        </div>
      )}
    </section>
  );
}
