import { abandonLocksOf, Condition, SharedArray, SharedInt, ThreadField } from '../../index';
import {
  caught,
  PATIENCE_MS,
  sleepMs,
  waitUntil,
  type Scenario,
  type ThreadContext,
} from '../thread-context';

// A bounded buffer built the textbook way: one lock, two conditions, `while` loops around wait.
// `state` words: head, count, taken (items consumed so far). Items are producer × perProducer + seq.
const HEAD = 0;
const COUNT = 1;
const TAKEN = 2;

/** A wait that times out here is a lost wake-up: nothing waits this long on a busy buffer. */
function waitOrThrow(condition: Condition, what: string): void {
  if (!condition.wait(PATIENCE_MS)) throw new Error(`${what}: no notify in ${PATIENCE_MS} ms.`);
}

function acquireOrThrow(condition: Condition): void {
  if (!condition.acquire(PATIENCE_MS)) throw new Error('The condition’s lock timed out.');
}

type Buffer = { notFull: Condition; notEmpty: Condition; buf: SharedArray; state: SharedArray };

function bufferOf(t: ThreadContext): Buffer {
  return {
    notFull: t.obj(Condition, 'notFull'),
    notEmpty: t.obj(Condition, 'notEmpty'),
    buf: t.obj(SharedArray, 'buf'),
    state: t.obj(SharedArray, 'state'),
  };
}

function producer(t: ThreadContext): void {
  const { notFull, notEmpty, buf, state } = bufferOf(t);
  const perProducer = t.num('perProducer');
  const first = t.num('producer') * perProducer;
  for (let item = first; item < first + perProducer; item++) {
    acquireOrThrow(notFull);
    while (state.get(COUNT) === buf.length) waitOrThrow(notFull, 'producer');
    buf.set((state.get(HEAD) + state.get(COUNT)) % buf.length, item);
    state.set(COUNT, state.get(COUNT) + 1);
    notEmpty.notify();
    notFull.release();
  }
}

/** Consumes until `total` items are taken; returns how many items arrived out of producer order. */
function consumer(t: ThreadContext): number {
  const { notFull, notEmpty, buf, state } = bufferOf(t);
  const seen = t.obj(SharedArray, 'seen');
  const total = t.num('total');
  const perProducer = t.num('perProducer');
  const lastSeq = new Map<number, number>();
  let outOfOrder = 0;
  for (;;) {
    acquireOrThrow(notEmpty);
    while (state.get(COUNT) === 0 && state.get(TAKEN) < total) waitOrThrow(notEmpty, 'consumer');
    if (state.get(TAKEN) === total) {
      notEmpty.release();
      return outOfOrder;
    }
    const head = state.get(HEAD);
    const item = buf.get(head);
    state.set(HEAD, (head + 1) % buf.length);
    state.set(COUNT, state.get(COUNT) - 1);
    state.set(TAKEN, state.get(TAKEN) + 1);
    notFull.notify();
    // The last item releases every consumer still waiting for more.
    if (state.get(TAKEN) === total) notEmpty.notifyAll();
    notEmpty.release();
    const producerIndex = Math.floor(item / perProducer);
    if ((lastSeq.get(producerIndex) ?? -1) >= item) outOfOrder++;
    lastSeq.set(producerIndex, item);
    seen.add(item, 1);
  }
}

/** wait and waitFor with nobody notifying: both expected to give up (false / falsy). */
function waitAlone(t: ThreadContext): unknown {
  const condition = t.obj(Condition, 'condition');
  acquireOrThrow(condition);
  const waited = condition.wait(t.num('timeoutMs'));
  const waitedFor = condition.waitFor(() => 0, t.num('timeoutMs'));
  condition.release();
  return { waited, waitedFor };
}

/** Waits once (with `timeoutMs`) and reports whether it was notified and in which phase. */
function notifiedWaiter(t: ThreadContext): { woke: boolean; phase: number } {
  const condition = t.obj(Condition, 'condition');
  const phase = t.obj(SharedInt, 'phase');
  const returned = t.obj(SharedInt, 'returned');
  acquireOrThrow(condition);
  const woke = condition.wait(t.num('timeoutMs'));
  const seen = phase.value;
  returned.add(1);
  condition.release();
  return { woke, phase: seen };
}

/**
 * Once `waiters` threads wait: phase 1, notify(n); waits until n have returned (and a moment
 * more, for an extra wake-up to show itself); then phase 2, notifyAll() to release the rest.
 */
function notifier(t: ThreadContext): { waitingAfterNotify: number } {
  const condition = t.obj(Condition, 'condition');
  const phase = t.obj(SharedInt, 'phase');
  const returned = t.obj(SharedInt, 'returned');
  const waiters = t.num('waiters');
  const n = t.num('n');
  waitUntil(`${waiters} threads wait`, () => {
    acquireOrThrow(condition);
    const all = condition.waiting === waiters;
    if (all) {
      phase.value = 1;
      condition.notify(n);
    }
    condition.release();
    return all;
  });
  acquireOrThrow(condition);
  const waitingAfterNotify = condition.waiting;
  condition.release();
  if (t.flag('releaseRest')) {
    waitUntil(`${n} notified threads return`, () => returned.add(0) >= n);
    sleepMs(5);
    acquireOrThrow(condition);
    phase.value = 2;
    condition.notifyAll();
    condition.release();
  }
  return { waitingAfterNotify };
}

/**
 * Forces the race a timed wait must survive: the waiter's timeout expires while this thread holds
 * the lock, so the waiter is still on the list, waiting to re-take the lock, when notify(1) takes
 * it off. The waiter must then report a notification, not a timeout (Python's guarantee).
 */
function lateNotifier(t: ThreadContext): { waitingWhenNotified: number } {
  const condition = t.obj(Condition, 'condition');
  waitUntil('the waiter waits', () => {
    acquireOrThrow(condition);
    const waiting = condition.waiting === 1;
    if (!waiting) condition.release();
    return waiting;
  });
  // Still holding the lock: the waiter's timeout passes and it blocks on re-taking the lock.
  const lockId = condition.lock.id;
  waitUntil(
    'the waiter timed out and waits for the lock',
    () => t.threadWord(t.num('waiter'), ThreadField.blockedOn) === lockId + 1,
  );
  const waitingWhenNotified = condition.waiting;
  condition.notify(1);
  condition.release();
  return { waitingWhenNotified };
}

/** wait() and notify() without holding the lock: both expected to throw. */
function conditionMisuse(t: ThreadContext): unknown {
  const condition = t.obj(Condition, 'condition');
  return { wait: caught(() => condition.wait(1)), notify: caught(() => condition.notify()) };
}

/** Waits with a timeout while the lock's next holder dies: expects the wait to raise. */
function abandonedWaiter(t: ThreadContext): unknown {
  const condition = t.obj(Condition, 'condition');
  acquireOrThrow(condition);
  return caught(() => condition.wait(t.num('timeoutMs')))?.name ?? 'returned';
}

/** Once `waiters` threads wait, takes the condition's lock and dies holding it. */
function takeAndDie(t: ThreadContext): void {
  const condition = t.obj(Condition, 'condition');
  waitUntil('every waiter waits', () => condition.waiting === t.num('waiters'));
  acquireOrThrow(condition);
  abandonLocksOf(t.heap, t.threadId);
}

export const conditionScenarios: Record<string, Scenario> = {
  abandonedWaiter,
  takeAndDie,
  producer,
  consumer,
  waitAlone,
  notifiedWaiter,
  notifier,
  lateNotifier,
  conditionMisuse,
};
