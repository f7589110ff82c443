import { useState } from 'react';
import type { Session } from '../../runtime/session';
import { useStore } from '../value-store';
import { StepDesk, type DeskState } from './step-desk';

/** The session's step desk, made once, and its state (re-renders when it changes). */
export function useStepDesk(session: Session): { desk: StepDesk; now: DeskState } {
  const [desk] = useState(() => new StepDesk(session));
  return { desk, now: useStore(desk.store) };
}
