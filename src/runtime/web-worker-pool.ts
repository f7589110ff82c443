import { wrap, releaseProxy, type Remote } from 'comlink';
import type { WorkerApi } from './worker/worker-api';
import { MAX_THREADS } from './spawn';
import { CONNECT } from './worker-connect';

/**
 * Workers kept ready for the next run. Every run's workers are thrown away, so a run of up to this
 * many threads starts on loaded workers, and sweeps (up to 16 threads) time the program, not
 * worker start-up.
 */
const WARM_WORKERS = 16;

/** One program worker and its Comlink handle. */
export type PoolWorker = { readonly worker: Worker; readonly api: Remote<WorkerApi> };

/** Makes a program worker (bundled into the runner, which may not load worker scripts by URL). */
export type WorkerFactory = () => Worker;

/**
 * The one gateway to the program workers (squoosh's WorkerBridge, for many workers): it owns
 * every Worker, keeps fresh ones warm so a run does not pay start-up, lends them to runs, and
 * ends them by terminating. A worker that ran a program's code is never lent again: the next run
 * gets a fresh realm (no global, prototype, listener, timer or nested worker survives a run).
 */
export class WorkerPool {
  private readonly idle: PoolWorker[] = [];
  private readonly lent = new Set<PoolWorker>();
  private calibration: Promise<number> | null = null;
  private disposed = false;

  constructor(
    private readonly create: WorkerFactory,
    private readonly warm = WARM_WORKERS,
    /** Fresh workers (no program ran there) taken over from another pool. */
    adopted: readonly PoolWorker[] = [],
  ) {
    this.idle.push(...adopted);
    this.refill();
  }

  /** work(1) in kernel iterations, measured once on one fresh worker (no program ran there). */
  workItersPerMs(): Promise<number> {
    this.calibration ??= (async () => {
      const [w] = this.take(1);
      if (!w) throw new Error('No worker available to calibrate.');
      try {
        return await w.api.calibrate();
      } finally {
        this.lent.delete(w);
        this.idle.push(w);
      }
    })();
    return this.calibration;
  }

  /** Lends `n` fresh workers, starting new ones past the warm ones (up to the thread limit). */
  take(n: number): PoolWorker[] {
    if (this.lent.size + n > MAX_THREADS)
      throw new RangeError(`At most ${MAX_THREADS} threads can run at once.`);
    const taken: PoolWorker[] = [];
    for (let i = 0; i < n; i++) taken.push(this.idle.pop() ?? this.start());
    for (const w of taken) this.lent.add(w);
    return taken;
  }

  /**
   * Ends workers a run used (whatever they are doing: blocked, looping, daemon threads) and warms
   * fresh ones in the background for the next run.
   */
  retire(workers: readonly PoolWorker[]): void {
    for (const w of workers) {
      this.lent.delete(w);
      w.api[releaseProxy]();
      w.worker.terminate();
    }
    this.refill();
  }

  /**
   * Takes back workers that served a run and returned: only a search gives them back, to run the
   * same program again (its runs stay in one realm; the next search gets a fresh pool).
   */
  give(workers: readonly PoolWorker[]): void {
    for (const w of workers) if (this.lent.delete(w)) this.idle.push(w);
  }

  /** A new pool of the same workers (its own realms), sharing this pool's calibration. */
  sibling(): WorkerPool {
    const pool = new WorkerPool(this.create, this.warm);
    pool.calibration = this.workItersPerMs();
    return pool;
  }

  /**
   * A new pool that keeps `warm` workers ready (a search, which reuses its workers, needs only a
   * few), starting with fresh ones handed over from this pool's idle workers, so its first run
   * waits for no start-up; this pool warms replacements in the background.
   */
  split(warm: number): WorkerPool {
    const handed = this.idle.splice(Math.max(0, this.idle.length - warm));
    this.refill();
    const pool = new WorkerPool(this.create, warm, handed);
    pool.calibration = this.workItersPerMs();
    return pool;
  }

  /** Ends every worker, idle and lent; a disposed pool starts no more. */
  dispose(): void {
    this.disposed = true;
    this.retire([...this.idle, ...this.lent]);
    this.idle.length = 0;
  }

  get idleCount(): number {
    return this.idle.length;
  }

  get lentCount(): number {
    return this.lent.size;
  }

  private refill(): void {
    if (this.disposed) return;
    while (this.idle.length < this.warm) this.idle.push(this.start());
  }

  /**
   * Control travels on a private MessageChannel handed over in the worker's first message,
   * before any program code exists there: a program can post on its worker's global scope, but
   * nobody listens to that, so it cannot forge the runtime's replies.
   */
  private start(): PoolWorker {
    const worker = this.create();
    const channel = new MessageChannel();
    worker.postMessage({ type: CONNECT, port: channel.port2 }, [channel.port2]);
    return { worker, api: wrap<WorkerApi>(channel.port1) };
  }
}
