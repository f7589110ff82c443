import { abandonLocksOf, Lock, RLock, Semaphore, SharedInt, ThreadField } from '../../index';
import {
  caught,
  PATIENCE_MS,
  sleepMs,
  waitUntil,
  type Scenario,
  type ThreadContext,
} from '../thread-context';

function acquireOrThrow(lock: { acquire(timeoutMs?: number): boolean }): void {
  if (!lock.acquire(PATIENCE_MS)) throw new Error(`acquire(${PATIENCE_MS}) timed out.`);
}

/** Plain read-modify-write under a lock; `inside` (atomic) tracks threads in the section. */
function lockIncrement(t: ThreadContext): number {
  const reentrant = t.flag('reentrant');
  const lock = reentrant ? t.obj(RLock, 'lock') : t.obj(Lock, 'lock');
  const counter = t.obj(SharedInt, 'counter');
  const inside = t.obj(SharedInt, 'inside');
  let maxInside = 0;
  for (let i = t.num('iterations'); i > 0; i--) {
    acquireOrThrow(lock);
    if (reentrant && !lock.acquire(0)) throw new Error('Re-entering an owned RLock failed.');
    maxInside = Math.max(maxInside, inside.add(1) + 1);
    counter.value = counter.value + 1;
    inside.add(-1);
    lock.release();
    if (reentrant) lock.release();
  }
  return maxInside;
}

/**
 * Unprotected read-modify-write. The threads leave a spin (not a sleep) together: waking a
 * sleeping thread takes longer than an optimised loop of 1e5 increments.
 */
function plainIncrement(t: ThreadContext): void {
  const counter = t.obj(SharedInt, 'counter');
  const arrived = t.obj(SharedInt, 'arrived');
  arrived.add(1);
  const deadline = performance.now() + PATIENCE_MS;
  while (arrived.add(0) < t.threads) {
    if (performance.now() > deadline) throw new Error('The other threads never arrived.');
  }
  for (let i = t.num('iterations'); i > 0; i--) counter.value = counter.value + 1;
}

/**
 * Holds a permit of a Semaphore(k) `iterations` times. The first k holders (by `gate` ticket)
 * hold on until the k-th ticket is taken, so k holders at once does not depend on luck. Returns
 * the most holders it saw.
 */
function semaphoreHolders(t: ThreadContext): number {
  const semaphore = t.obj(Semaphore, 'semaphore');
  const inside = t.obj(SharedInt, 'inside');
  const gate = t.obj(SharedInt, 'gate');
  const k = t.num('k');
  let maxInside = 0;
  for (let i = 0; i < t.num('iterations'); i++) {
    acquireOrThrow(semaphore);
    maxInside = Math.max(maxInside, inside.add(1) + 1);
    if (i === 0 && gate.add(1) < k) waitUntil(`${k} threads hold a permit`, () => gate.add(0) >= k);
    maxInside = Math.max(maxInside, inside.add(0));
    inside.add(-1);
    semaphore.release();
  }
  return maxInside;
}

/** Holds `lock` from step 0 to step 2 (a contender moves the shared `step` to 2). */
function holder(t: ThreadContext): void {
  const lock = t.holdable('lock');
  const step = t.obj(SharedInt, 'step');
  acquireOrThrow(lock);
  step.add(1);
  waitUntil('the contender is done', () => step.add(0) >= 2);
  lock.release();
}

/** While `holder` holds the lock: a timed and a non-blocking acquire, both expected false. */
function contender(t: ThreadContext): { timed: boolean; nowait: boolean } {
  const lock = t.holdable('lock');
  const step = t.obj(SharedInt, 'step');
  waitUntil('the holder holds the lock', () => step.add(0) >= 1);
  const timed = lock.acquire(t.num('timeoutMs'));
  const nowait = lock.acquire(0);
  step.add(1);
  return { timed, nowait };
}

/**
 * Holds `lock` until thread `watched` is blocked on it, then reports what the thread table and
 * the object table say (what the watchdog reads).
 */
function holdWhileWatched(t: ThreadContext): Record<string, number> {
  const lock = t.obj(Lock, 'lock');
  const step = t.obj(SharedInt, 'step');
  const watched = t.num('watched');
  acquireOrThrow(lock);
  step.add(1);
  waitUntil('the waiter blocks', () => t.threadWord(watched, ThreadField.blockedOn) !== 0);
  const ownerWord = t.heap.objectInfo(lock.id).ownerWord ?? -1;
  const seen = {
    blockedOn: t.threadWord(watched, ThreadField.blockedOn),
    blockedOp: t.threadWord(watched, ThreadField.blockedOp),
    blockedTimed: t.threadWord(watched, ThreadField.blockedTimed),
    owner: Atomics.load(t.heap.i32, ownerWord),
  };
  lock.release();
  return seen;
}

/** Acquires once the holder has the lock; reports its own blockedOn word after acquiring. */
function acquireWhenHeld(t: ThreadContext): number {
  const lock = t.obj(Lock, 'lock');
  const step = t.obj(SharedInt, 'step');
  waitUntil('the holder holds the lock', () => step.add(0) >= 1);
  acquireOrThrow(lock);
  const blockedOn = t.threadWord(t.threadId, ThreadField.blockedOn);
  lock.release();
  return blockedOn;
}

/**
 * Takes `lock` and `rlock` (twice), waits until `waiters` other threads are blocked, then dies
 * as the runtime will report it: abandonLocksOf. Returns the names abandoned.
 */
function holdAndDie(t: ThreadContext): string[] {
  const lock = t.obj(Lock, 'lock');
  const rlock = t.obj(RLock, 'rlock');
  const step = t.obj(SharedInt, 'step');
  acquireOrThrow(lock);
  acquireOrThrow(rlock);
  acquireOrThrow(rlock);
  step.add(1);
  const others = Array.from({ length: t.threads }, (_, i) => i).filter((i) => i !== t.threadId);
  waitUntil('every waiter blocks', () =>
    others.every((i) => t.threadWord(i, ThreadField.blockedOn) !== 0),
  );
  // Give a waiter that just published its block time to reach Atomics.wait: the abandon must
  // wake sleepers and stop late arrivals alike.
  if (t.flag('pause')) sleepMs(1);
  return abandonLocksOf(t.heap, t.threadId);
}

/** Acquires a lock its holder abandons: expects an error, reports it (or that it acquired). */
function acquireAbandoned(t: ThreadContext): unknown {
  const lock = t.holdable('lock');
  const step = t.obj(SharedInt, 'step');
  waitUntil('the holder holds the locks', () => step.add(0) >= 1);
  let acquired = false;
  const error = caught(() => (acquired = lock.acquire(t.num('timeoutMs'))));
  return { acquired, error };
}

/** Releases `lock` (which this thread does not hold) and reports the error. */
function releaseNotHeld(t: ThreadContext): unknown {
  const lock = t.holdable('lock');
  return caught(() => lock.release());
}

export const lockScenarios: Record<string, Scenario> = {
  lockIncrement,
  plainIncrement,
  semaphoreHolders,
  holder,
  contender,
  holdWhileWatched,
  acquireWhenHeld,
  holdAndDie,
  acquireAbandoned,
  releaseNotHeld,
};
