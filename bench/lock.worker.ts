// One thread's uncontended acquire+release loops: the runtime's Lock vs the baseline futex lock,
// over words of the same shared heap. With `rings`, the Lock traces every event into them.
import { Heap, Lock, SEQ_WORD, SharedInt, setContext } from '../src/sync';
import { ALL_EVENTS_MASK, TraceRings, type TraceWriter } from '../src/trace/ring';
import { futexLock, futexUnlock } from './futex-lock';
import { serveRequests, type LockRequest } from './protocol';

let state: { lock: Lock; i32: Int32Array; futex: number; sink: TraceWriter | null } | null = null;

function lockLoop(lock: Lock, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    lock.acquire();
    lock.release();
  }
  return performance.now() - start;
}

function futexLoop(i32: Int32Array, index: number, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    futexLock(i32, index);
    futexUnlock(i32, index);
  }
  return performance.now() - start;
}

serveRequests<LockRequest>((message) => {
  if (message.type === 'setup') {
    const heap = Heap.create();
    const rings = message.rings ? TraceRings.attach(message.rings) : null;
    const sink = rings
      ? rings.writer(
          0,
          { i32: heap.i32, index: SEQ_WORD },
          () => performance.now() * 1000,
          ALL_EVENTS_MASK,
        )
      : null;
    setContext({ threadId: 0, threadName: 'bench', sink, hooks: null });
    const lock = new Lock(heap);
    const word = new SharedInt(heap, 0);
    state = { lock, i32: heap.i32, futex: Heap.wordOf(heap.objectInfo(word.id).offset), sink };
    return 0;
  }
  if (!state) throw new Error('lock.worker: setup first');
  if (message.kind === 'futex') return futexLoop(state.i32, state.futex, message.iterations);
  const ms = lockLoop(state.lock, message.iterations);
  // Publish the last few events (the writer batches them), untimed, so the page drains them all.
  state.sink?.flush();
  return ms;
});
