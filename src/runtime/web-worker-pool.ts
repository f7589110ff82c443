import { wrap, releaseProxy, type Remote } from 'comlink';
import type { WorkerApi } from './worker/worker-api';
import { MAX_THREADS } from './spawn';

/** One program worker and its Comlink handle. */
export type PoolWorker = { readonly worker: Worker; readonly api: Remote<WorkerApi> };

/**
 * The one gateway to the program workers (squoosh's WorkerBridge, for many workers): it owns
 * every Worker, keeps some warm so a run does not pay start-up, lends them to runs, and cancels
 * by terminating. A worker blocked in Atomics.wait cannot answer messages, so nothing here waits
 * on a busy worker except its run's own promises.
 */
export class WorkerPool {
  private readonly idle: PoolWorker[] = [];
  private readonly lent = new Set<PoolWorker>();
  private calibration: Promise<number> | null = null;

  constructor(private readonly warm = Math.min(8, Math.max(4, navigator.hardwareConcurrency * 2))) {
    for (let i = 0; i < warm; i++) this.idle.push(startWorker());
  }

  /** work(1) in kernel iterations, measured once on one idle worker. */
  workItersPerMs(): Promise<number> {
    this.calibration ??= (async () => {
      const [w] = this.take(1);
      if (!w) throw new Error('No worker available to calibrate.');
      try {
        return await w.api.calibrate();
      } finally {
        this.give([w]);
      }
    })();
    return this.calibration;
  }

  /** Lends `n` workers, starting new ones past the idle ones (up to the thread limit). */
  take(n: number): PoolWorker[] {
    if (this.lent.size + n > MAX_THREADS)
      throw new RangeError(`At most ${MAX_THREADS} threads can run at once.`);
    const taken: PoolWorker[] = [];
    for (let i = 0; i < n; i++) taken.push(this.idle.pop() ?? startWorker());
    for (const w of taken) this.lent.add(w);
    return taken;
  }

  /** Returns workers that finished their part of a run and are responsive. */
  give(workers: readonly PoolWorker[]): void {
    for (const w of workers) {
      if (this.lent.delete(w)) this.idle.push(w);
    }
  }

  /** Ends workers that may be stuck (blocked, looping, daemon threads) and warms fresh ones. */
  replace(workers: readonly PoolWorker[]): void {
    for (const w of workers) {
      this.lent.delete(w);
      w.api[releaseProxy]();
      w.worker.terminate();
    }
    while (this.idle.length < this.warm) this.idle.push(startWorker());
  }

  get idleCount(): number {
    return this.idle.length;
  }
}

function startWorker(): PoolWorker {
  const worker = new Worker(new URL('./program.worker.ts', import.meta.url), {
    type: 'module',
    name: 'interleave-thread',
  });
  return { worker, api: wrap<WorkerApi>(worker) };
}
