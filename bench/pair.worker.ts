// One side of a two-worker benchmark: both sides meet at a start barrier, then run the same
// benchmark against each other (a contended lock) or with each other (a ping-pong).
import { attach, Condition, Heap, Lock, Queue, Semaphore, setContext } from '../src/sync';
import { futexLock, futexUnlock } from './futex-lock';
import { PairControl, serveRequests, type PairBench, type PairRequest } from './protocol';

type Objects = {
  control: Int32Array;
  side: 0 | 1;
  i32: Int32Array;
  lock: Lock;
  counter: number;
  futex: number;
  semA: Semaphore;
  semB: Semaphore;
  cond: Condition;
  turn: number;
  queueA: Queue;
  queueB: Queue;
};

let objects: Objects | null = null;

/** Both workers arrive before either starts its clock. */
function startBarrier(control: Int32Array): void {
  if (Atomics.add(control, PairControl.arrive, 1) + 1 === 2) {
    Atomics.notify(control, PairControl.arrive);
    return;
  }
  for (let seen = Atomics.load(control, PairControl.arrive); seen < 2;) {
    Atomics.wait(control, PairControl.arrive, seen);
    seen = Atomics.load(control, PairControl.arrive);
  }
}

function contendedLock(o: Objects, n: number): void {
  const { i32, lock, counter } = o;
  for (let i = 0; i < n; i++) {
    lock.acquire();
    i32[counter] = (i32[counter] ?? 0) + 1;
    lock.release();
  }
}

function contendedFutex(o: Objects, n: number): void {
  const { i32, futex, counter } = o;
  for (let i = 0; i < n; i++) {
    futexLock(i32, futex);
    i32[counter] = (i32[counter] ?? 0) + 1;
    futexUnlock(i32, futex);
  }
}

/** The baseline ping-pong: one word, Atomics.wait/notify and nothing else. */
function pingRaw(o: Objects, n: number): void {
  const { control, side } = o;
  const turn = PairControl.turn;
  const mine = side;
  const theirs = 1 - side;
  for (let i = 0; i < n; i++) {
    if (side === 1)
      while (Atomics.load(control, turn) !== mine) Atomics.wait(control, turn, theirs);
    Atomics.store(control, turn, theirs);
    Atomics.notify(control, turn, 1);
    if (side === 0)
      while (Atomics.load(control, turn) !== mine) Atomics.wait(control, turn, theirs);
  }
}

function pingSemaphore(o: Objects, n: number): void {
  const { semA, semB } = o;
  for (let i = 0; i < n; i++) {
    if (o.side === 0) {
      semA.release();
      semB.acquire();
    } else {
      semA.acquire();
      semB.release();
    }
  }
}

function pingCondition(o: Objects, n: number): void {
  const { cond, i32, turn, side } = o;
  for (let i = 0; i < n; i++) {
    cond.acquire();
    if (side === 0) {
      i32[turn] = 1;
      cond.notify();
      while (i32[turn] !== 0) cond.wait();
    } else {
      while (i32[turn] !== 1) cond.wait();
      i32[turn] = 0;
      cond.notify();
    }
    cond.release();
  }
}

function pingQueue(o: Objects, n: number): void {
  const { queueA, queueB } = o;
  for (let i = 0; i < n; i++) {
    if (o.side === 0) {
      queueA.put(i);
      queueB.get();
    } else {
      queueB.put(queueA.get());
    }
  }
}

const benches: Record<PairBench, (o: Objects, n: number) => void> = {
  'contended-lock': contendedLock,
  'contended-futex': contendedFutex,
  'ping-raw': pingRaw,
  'ping-semaphore': pingSemaphore,
  'ping-condition': pingCondition,
  'ping-queue': pingQueue,
};

serveRequests<PairRequest>((message) => {
  if (message.type === 'setup') {
    const heap = Heap.attach(message.heap);
    const { ids, side } = message;
    const wordOf = (id: number) => Heap.wordOf(heap.objectInfo(id).offset);
    setContext({ threadId: side, threadName: `bench-${side}`, sink: null, hooks: null });
    objects = {
      control: new Int32Array(message.control),
      side,
      i32: heap.i32,
      lock: attach(Lock, heap, ids.lock),
      counter: wordOf(ids.counter),
      futex: wordOf(ids.futex),
      semA: attach(Semaphore, heap, ids.semA),
      semB: attach(Semaphore, heap, ids.semB),
      cond: attach(Condition, heap, ids.cond),
      turn: wordOf(ids.turn),
      queueA: attach(Queue, heap, ids.queueA),
      queueB: attach(Queue, heap, ids.queueB),
    };
    return 0;
  }
  const o = objects;
  if (!o) throw new Error('pair.worker: setup first');
  startBarrier(o.control);
  const start = performance.now();
  benches[message.bench](o, message.n);
  return performance.now() - start;
});
