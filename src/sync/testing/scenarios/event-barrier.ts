import { Barrier, Event, SharedArray, SharedInt, ThreadField } from '../../index';
import {
  caught,
  PATIENCE_MS,
  waitUntil,
  type Scenario,
  type ThreadContext,
} from '../thread-context';

function eventWait(t: ThreadContext): boolean {
  return t.obj(Event, 'event').wait(t.num('timeoutMs'));
}

/** Once every other thread is blocked on the event: set() then clear() at once. */
function eventSetClear(t: ThreadContext): void {
  const event = t.obj(Event, 'event');
  const others = Array.from({ length: t.threads }, (_, i) => i).filter((i) => i !== t.threadId);
  waitUntil('every waiter blocks on the event', () =>
    others.every((i) => t.threadWord(i, ThreadField.blockedOn) === event.id + 1),
  );
  event.set();
  event.clear();
}

/**
 * `rounds` barrier generations. `arrived[r]` counts threads that reached round r: a thread that
 * passes round r before all parties arrived means generations mixed. `indices[r × parties + i]`
 * counts threads that got index i in round r: each must be exactly 1.
 */
function barrierRounds(t: ThreadContext): number {
  const barrier = t.obj(Barrier, 'barrier');
  const arrived = t.obj(SharedArray, 'arrived');
  const indices = t.obj(SharedArray, 'indices');
  const first = t.num('firstRound');
  let mixed = 0;
  for (let round = first; round < first + t.num('rounds'); round++) {
    arrived.add(round, 1);
    const index = barrier.wait(PATIENCE_MS);
    if (arrived.add(round, 0) !== barrier.parties) mixed++;
    indices.add(round * barrier.parties + index, 1);
  }
  return mixed;
}

/**
 * One barrier wait (with `timeoutMs`, the barrier's own default with `useDefault`, else the
 * patience): reports the index or the error.
 */
function barrierWait(t: ThreadContext): unknown {
  const barrier = t.obj(Barrier, 'barrier');
  const timeoutMs = t.params['timeoutMs'] === undefined ? PATIENCE_MS : t.num('timeoutMs');
  let index = -1;
  const error = caught(
    () => (index = t.flag('useDefault') ? barrier.wait() : barrier.wait(timeoutMs)),
  );
  return { index, error };
}

/** Once `waiters` threads wait at the barrier: abort() it, or reset() it with `reset`. */
function barrierBreaker(t: ThreadContext): void {
  const barrier = t.obj(Barrier, 'barrier');
  const others = Array.from({ length: t.threads }, (_, i) => i).filter((i) => i !== t.threadId);
  waitUntil('every waiter blocks at the barrier', () =>
    others.every((i) => t.threadWord(i, ThreadField.blockedOn) === barrier.id + 1),
  );
  if (t.flag('reset')) barrier.reset();
  else barrier.abort();
}

/** Once thread `waiter` waits at the barrier: reset() it, then let the late arrivals go. */
function barrierResetter(t: ThreadContext): void {
  const barrier = t.obj(Barrier, 'barrier');
  const step = t.obj(SharedInt, 'step');
  const waiter = t.num('waiter');
  waitUntil(
    'the waiter blocks at the barrier',
    () => t.threadWord(waiter, ThreadField.blockedOn) === barrier.id + 1,
  );
  barrier.reset();
  step.add(1);
}

/** Spins until the reset, then waits at the barrier at once (before the old waiter wakes). */
function barrierLateArrival(t: ThreadContext): number {
  const step = t.obj(SharedInt, 'step');
  const deadline = performance.now() + PATIENCE_MS;
  while (step.add(0) === 0) {
    if (performance.now() > deadline) throw new Error('No reset came.');
  }
  return t.obj(Barrier, 'barrier').wait(PATIENCE_MS);
}

export const eventBarrierScenarios: Record<string, Scenario> = {
  eventWait,
  eventSetClear,
  barrierRounds,
  barrierWait,
  barrierBreaker,
  barrierResetter,
  barrierLateArrival,
};
