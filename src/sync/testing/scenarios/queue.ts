import { BlockOp, Queue, SharedArray, SharedInt, ThreadField, type Item } from '../../index';
import {
  caught,
  PATIENCE_MS,
  waitUntil,
  type Scenario,
  type ThreadContext,
} from '../thread-context';

/** Puts producer × perProducer + seq for each seq, counting puts in `produced`. */
function queueProducer(t: ThreadContext): void {
  const queue = t.obj(Queue, 'queue');
  const produced = t.obj(SharedInt, 'produced');
  const perProducer = t.num('perProducer');
  const first = t.num('producer') * perProducer;
  for (let item = first; item < first + perProducer; item++) {
    queue.put(item, PATIENCE_MS);
    produced.add(1);
  }
}

/**
 * Gets items until `total` are claimed, marking each in `seen`, counting it in `done`, then
 * calling taskDone(). Returns how many arrived out of producer order.
 */
function queueConsumer(t: ThreadContext): number {
  const queue = t.obj(Queue, 'queue');
  const seen = t.obj(SharedArray, 'seen');
  const claimed = t.obj(SharedInt, 'claimed');
  const done = t.obj(SharedInt, 'done');
  const total = t.num('total');
  const perProducer = t.num('perProducer');
  const lastSeq = new Map<number, number>();
  let outOfOrder = 0;
  while (claimed.add(1) < total) {
    const item = queue.get(PATIENCE_MS);
    if (typeof item !== 'number') throw new TypeError(`Got a ${typeof item} item.`);
    const producerIndex = Math.floor(item / perProducer);
    if ((lastSeq.get(producerIndex) ?? -1) >= item) outOfOrder++;
    lastSeq.set(producerIndex, item);
    seen.add(item, 1);
    done.add(1);
    queue.taskDone();
  }
  return outOfOrder;
}

/** Once every item is put, join(): reports whether it returned and how many were done then. */
function queueJoiner(t: ThreadContext): { joined: boolean; doneAtJoin: number } {
  const queue = t.obj(Queue, 'queue');
  const produced = t.obj(SharedInt, 'produced');
  const done = t.obj(SharedInt, 'done');
  waitUntil('every item is put', () => produced.add(0) === t.num('total'));
  const joined = queue.join(PATIENCE_MS);
  return { joined, doneAtJoin: done.add(0) };
}

/** Waits until thread `other` is blocked on the queue doing `op` (a BlockOp). */
function waitForBlocked(t: ThreadContext, queue: Queue, op: number): void {
  const other = t.num('other');
  waitUntil('the other thread blocks on the queue', () => {
    const on = t.threadWord(other, ThreadField.blockedOn);
    return on === queue.id + 1 && t.threadWord(other, ThreadField.blockedOp) === op;
  });
}

/** On a full maxsize-1 queue: puts 'a', then 'b', which must wait for the getter. */
function putIntoFull(t: ThreadContext): void {
  const queue = t.obj(Queue, 'queue');
  queue.put('a', PATIENCE_MS);
  queue.put('b', PATIENCE_MS);
}

/** Takes both items, but only once the putter is seen blocked in put(). */
function getFromBlockedPutter(t: ThreadContext): Item[] {
  const queue = t.obj(Queue, 'queue');
  waitUntil('the first item is in', () => queue.full());
  waitForBlocked(t, queue, BlockOp.Put);
  return [queue.get(PATIENCE_MS), queue.get(PATIENCE_MS)];
}

function getFromEmpty(t: ThreadContext): Item {
  return t.obj(Queue, 'queue').get(PATIENCE_MS);
}

/** Puts an item only once the getter is seen blocked in get(). */
function putForBlockedGetter(t: ThreadContext): void {
  const queue = t.obj(Queue, 'queue');
  waitForBlocked(t, queue, BlockOp.Get);
  queue.put('x', PATIENCE_MS);
}

/** On an empty maxsize-1 queue: every way get and put give up, then a normal round trip. */
function queueTimeouts(t: ThreadContext): unknown {
  const queue = t.obj(Queue, 'queue');
  const timeoutMs = t.num('timeoutMs');
  const getTimed = caught(() => queue.get(timeoutMs));
  const getNowait = caught(() => queue.getNowait());
  queue.putNowait(1);
  const putTimed = caught(() => queue.put(2, timeoutMs));
  const putNowait = caught(() => queue.putNowait(3));
  return { getTimed, getNowait, putTimed, putNowait, got: queue.getNowait() };
}

/** Gets `count` items and returns them as received. */
function queueEcho(t: ThreadContext): Item[] {
  const queue = t.obj(Queue, 'queue');
  return Array.from({ length: t.num('count') }, () => queue.get(PATIENCE_MS));
}

export const queueScenarios: Record<string, Scenario> = {
  queueProducer,
  queueConsumer,
  queueJoiner,
  putIntoFull,
  getFromBlockedPutter,
  getFromEmpty,
  putForBlockedGetter,
  queueTimeouts,
  queueEcho,
};
