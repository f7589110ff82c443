import { useMemo } from 'react';
import type { Session } from '../../runtime/session';
import type { StepState } from '../../runtime/step/types';
import { lostUpdateEventsOf, type LostUpdateEvent } from '../../trace/lost-updates';
import { isValueEvent } from '../../trace/value-events';
import { stepTimelineOf, type StepTimelineModel } from '../timeline/step-model';

export type StepRunView = {
  state: StepState;
  model: StepTimelineModel;
  lostUpdates: LostUpdateEvent[];
};

/**
 * The open step run as the step timeline draws it, or null when none is open. Recomputed when the
 * session changes (every step, Back, Restart), not on every render.
 */
export function useStepRun(session: Session, sessionVersion: number): StepRunView | null {
  const log = session.log;
  const logVersion = log?.version ?? 0;
  return useMemo(() => {
    const state = session.stepState();
    if (!state || !log) return null;
    const lostUpdates = lostUpdateEventsOf(log.events.filter(isValueEvent), log.objects);
    const model = stepTimelineOf({
      threads: log.threads.map(({ id, name }) => ({ id, name })),
      objects: log.objects,
      steps: log.steps,
      events: log.events,
      lostUpdates,
      now: state.threads,
    });
    return { state, model, lostUpdates };
    // The session and its log are mutable: their versions say when they changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, log, sessionVersion, logVersion]);
}
