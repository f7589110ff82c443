import { useState } from 'react';
import type { Session } from '../../runtime/session';
import { StepTimeline } from '../timeline/StepTimeline';
import type { StepRunView } from './use-step-timeline';

type Props = { session: Session; run: StepRunView };

/** The Timeline tab while a step run is open: the step timeline, whose lane headers step threads. */
export function StepTimelinePanel({ session, run }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const step = (thread: number) => {
    setBusy(true);
    session
      .step(thread)
      .then(
        () => setProblem(''),
        (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <StepTimeline
        model={run.model}
        now={run.state.threads}
        ended={run.state.report !== undefined}
        busy={busy}
        onStep={step}
      />
      <p className="step-timeline-problem" role="status">
        {problem}
      </p>
    </>
  );
}
