import { parentPort } from 'node:worker_threads';
import { Heap, setContext } from '../index';
import type { JobMessage, ResultMessage } from './protocol';
import { scenarios } from './scenarios/index';
import { PATIENCE_MS, ThreadContext } from './thread-context';

// A pooled worker: runs one program thread per message, on the heap the message carries.

function startTogether(start: Int32Array, threads: number): void {
  // Workers start some milliseconds apart; without this a short scenario can finish before the
  // next thread exists, and there is no contention to test.
  Atomics.add(start, 0, 1);
  Atomics.notify(start, 0);
  const deadline = performance.now() + PATIENCE_MS;
  for (let ready = Atomics.load(start, 0); ready < threads; ready = Atomics.load(start, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`Only ${ready} of ${threads} threads started.`);
    Atomics.wait(start, 0, ready, left);
  }
}

function run(job: JobMessage): ResultMessage {
  try {
    const scenario = scenarios[job.scenario];
    if (!scenario) throw new Error(`No scenario '${job.scenario}'.`);
    const heap = Heap.attach(job.heap);
    setContext({ threadId: job.threadId, threadName: job.threadName, sink: null, hooks: null });
    startTogether(new Int32Array(job.start), job.threads);
    const value = scenario(new ThreadContext(heap, job.threadId, job.threads, job.params));
    return { ok: true, value };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name: e.name, message: e.message, stack: e.stack } };
  }
}

parentPort?.on('message', (job: JobMessage) => parentPort?.postMessage(run(job)));
