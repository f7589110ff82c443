import type { ThreadLook } from './enabledness';
import type { TakenStep } from './types';

// What the controller says of a step from the threads' looks: the step as taken, or why not.

export function takenStep(chosen: number, looks: readonly ThreadLook[]): TakenStep {
  const op = looks[chosen]?.pending;
  const waiting = looks.flatMap((t) =>
    t.alive && !t.enabled ? [{ thread: t.id, reason: t.blockedReason ?? 'is blocked' }] : [],
  );
  return {
    thread: chosen,
    ...(op ? { op } : {}),
    ...(waiting.length > 0 ? { waiting } : {}),
  };
}

/** Why `chosen` cannot be stepped now, in a sentence (null when it can). */
export function refusal(chosen: number, look: ThreadLook | undefined): string {
  if (!look) return `There is no thread ${chosen} in this run.`;
  if (!look.alive) return `Thread ${chosen} (${look.name}) has ended; it cannot be stepped.`;
  return `Thread ${chosen} (${look.name}) cannot move now: it ${look.blockedReason ?? 'is blocked'}.`;
}
