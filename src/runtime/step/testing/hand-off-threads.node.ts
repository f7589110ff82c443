import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ThreadField, type Heap } from '../../../sync';
import { bundleWorker } from '../../../sync/testing/worker-bundle.node';
import { ControlWord, type Control } from '../../control';
import { registerThread } from '../../spawn';
import type { HandOffJob } from './hand-off-worker';

/** The hand-off worker's bundle, for `new Worker(path)` (bundled once per test file). */
export function handOffWorkerFile(): Promise<string> {
  return bundleWorker({ file: fileURLToPath(new URL('./hand-off-worker.ts', import.meta.url)) });
}

/** What every thread's job shares; each thread's own words are filled in. */
export type SharedJob = Omit<HandOffJob, 'heap' | 'thread' | 'liveWord' | 'statusWord'>;

/**
 * Registers one program thread per worker (T0, T1…), then hands each its job directly, as the
 * runtime's spawn ring would; resolves with what each worker answers (the most threads it saw
 * inside at once).
 */
export function startHandOffThreads(
  heap: Heap,
  control: Control,
  workers: readonly Worker[],
  job: SharedJob,
): Promise<number>[] {
  const ids = workers.map((_, k) =>
    registerThread(heap, control, {
      target: 'function',
      fn: 'thread',
      args: [k],
      role: 'thread',
      name: `T${k}`,
      daemon: false,
    }),
  );
  const results = ids.map(
    (thread, k) =>
      new Promise<number>((resolve) => {
        const worker = workers[k] as Worker;
        worker.once('message', resolve);
        const own: HandOffJob = {
          ...job,
          heap: heap.buffer,
          thread,
          liveWord: control.word(ControlWord.liveThreads),
          statusWord: heap.threadWord(thread, ThreadField.status),
        };
        worker.postMessage(own);
      }),
  );
  // Nothing in the tests takes the spawn ring: the threads were handed to workers directly.
  while (control.takeSpawn() >= 0);
  return results;
}
