import { useSyncExternalStore } from 'react';
import type { Session } from '../runtime/session';

/** Re-renders on every session change; returns the session's state, run and last report. */
export function useSession(session: Session) {
  const version = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.version,
  );
  return {
    version,
    state: session.state(),
    running: session.running,
    report: session.lastReport(),
  };
}
