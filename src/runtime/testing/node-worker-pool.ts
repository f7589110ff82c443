import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';
import { bundleWorker } from '../../sync/testing/worker-bundle.node';
import { WorkerPool } from '../web-worker-pool';

const ENTRY = fileURLToPath(new URL('./node-program-worker.ts', import.meta.url));

/** A pool of real program workers on worker_threads, and every worker it ever started. */
export type NodePool = { pool: WorkerPool; started: NodeWebWorker[] };

/** The part of the Web Worker interface the pool uses, over a worker_thread. */
export class NodeWebWorker {
  terminated = false;
  private readonly thread: NodeWorker;

  constructor(file: string) {
    this.thread = new NodeWorker(file);
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    // Node's transfer list takes its own MessagePort type; the ports here are Node's anyway.
    this.thread.postMessage(message, transfer as never);
  }

  terminate(): void {
    this.terminated = true;
    void this.thread.terminate();
  }
}

/** A WorkerPool whose workers run the real program worker on Node worker_threads. */
export async function nodeWorkerPool(warm = 2): Promise<NodePool> {
  const file = await bundleWorker({ file: ENTRY });
  const started: NodeWebWorker[] = [];
  const pool = new WorkerPool(() => {
    const worker = new NodeWebWorker(file);
    started.push(worker);
    // The pool calls only postMessage and terminate, which NodeWebWorker provides.
    return worker as unknown as Worker;
  }, warm);
  return { pool, started };
}
