import { parentPort } from 'node:worker_threads';
import { Heap, setContext } from '../index';
import type { JobMessage, ResultMessage } from './protocol';
import { PATIENCE_MS, ThreadContext, type Scenario } from './thread-context';

// The body of a pooled test worker: runs one program thread per message, on the heap the message
// carries, with the scenario the message names.

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

function run(scenarios: Readonly<Record<string, Scenario>>, job: JobMessage): ResultMessage {
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

/** Answers every job the harness posts to this worker with its scenario's result. */
export function serveScenarios(scenarios: Readonly<Record<string, Scenario>>): void {
  parentPort?.on('message', (job: JobMessage) => parentPort?.postMessage(run(scenarios, job)));
}
