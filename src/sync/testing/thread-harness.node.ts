import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Heap } from '../heap';
import type { JobMessage, ResultMessage, ThreadJob } from './protocol';
import { bundleWorker } from './worker-bundle.node';

// Runs program threads on real worker_threads: each worker runs scenarios (the stress worker's
// by default, which import the real src/sync) on the heap of the run. Workers are pooled and
// reused across runs of a file (starting one is slow next to a scenario); a run that does not
// finish in time terminates them all, so a hang fails one test.

/** The worker entry of src/sync's scenarios. */
const STRESS_WORKER = fileURLToPath(new URL('./stress-worker.ts', import.meta.url));

export type RunOptions = { timeoutMs?: number };

/**
 * A pool of stress workers for one test file; call {@link ThreadRunner.close} in `afterAll`.
 * `workerFile` is a .ts worker entry that serves scenarios (see serve-scenarios.ts): another
 * layer's tests bring their own scenarios this way.
 */
export class ThreadRunner {
  private idle: Worker[] = [];

  constructor(private readonly workerFile = STRESS_WORKER) {}

  /**
   * Runs one thread per job on `heap` (thread id = job index unless given), all starting together,
   * and returns each thread's result in job order. Rejects with the first thread's error, or when
   * the run exceeds `timeoutMs` (default 20 s).
   */
  async run(heap: Heap, jobs: readonly ThreadJob[], options: RunOptions = {}): Promise<unknown[]> {
    const file = await bundleWorker({ file: this.workerFile });
    const start = new SharedArrayBuffer(4);
    const workers = jobs.map(() => this.idle.pop() ?? new Worker(file));
    const results = jobs.map((job, index) => {
      const threadId = job.threadId ?? index;
      const message: JobMessage = {
        heap: heap.buffer,
        start,
        threads: jobs.length,
        threadId,
        threadName: job.threadName ?? `t${threadId}`,
        scenario: job.scenario,
        params: job.params ?? {},
      };
      return resultOf(workers[index] as Worker, message);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Threads still running after ${timeoutMs} ms (a hang?).`)),
        timeoutMs,
      );
    });
    let outcomes: ResultMessage[];
    try {
      outcomes = await Promise.race([Promise.all(results), timedOut]);
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    } finally {
      clearTimeout(timer);
    }
    this.idle.push(...workers);
    return outcomes.map((outcome, index) => {
      if (outcome.ok) return outcome.value;
      const error = new Error(`thread ${index}: ${outcome.error.name}: ${outcome.error.message}`);
      error.stack = outcome.error.stack;
      throw error;
    });
  }

  async close(): Promise<void> {
    const workers = this.idle;
    this.idle = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function resultOf(worker: Worker, message: JobMessage): Promise<ResultMessage> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    const onMessage = (result: ResultMessage) => {
      worker.off('error', onError);
      resolve(result);
    };
    worker.once('error', onError);
    worker.once('message', onMessage);
    worker.postMessage(message);
  });
}
