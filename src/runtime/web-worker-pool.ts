import { wrap, releaseProxy, type Remote } from 'comlink';
import type { WorkerApi } from './worker/worker-api';
import { MAX_THREADS } from './spawn';
import { CONNECT } from './worker-connect';
import { BOOT_BATCH, MAX_WARM, mayBoot, QUIET_MS, warmTarget, withPeak } from './warm-policy';

/** How long a refill waits for a batch to load before it boots the next one anyway. */
const BOOT_WAIT_MS = 5_000;
/** How often a refill looks whether its batch has loaded (or was taken by a run). */
const BOOT_POLL_MS = 10;

/** One program worker and its Comlink handle. */
export type PoolWorker = { readonly worker: Worker; readonly api: Remote<WorkerApi> };

/** Makes a program worker (bundled into the runner, which may not load worker scripts by URL). */
export type WorkerFactory = () => Worker;

/** Workers that answered since they started: their bundle is loaded, a run on them starts at once. */
const loaded = new WeakSet<PoolWorker>();

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one gateway to the program workers (squoosh's WorkerBridge, for many workers): it owns
 * every Worker, keeps fresh ones warm so a run does not pay start-up, lends them to runs, and
 * ends them by terminating. A worker that ran a program's code is never lent again: the next run
 * gets a fresh realm (no global, prototype, listener, timer or nested worker survives a run).
 *
 * Warm workers are booted in the background, a few at a time and between runs
 * (./warm-policy.ts), and lent loaded ones first, so a run rarely waits for a worker's start.
 */
export class WorkerPool {
  private readonly idle: PoolWorker[] = [];
  private readonly lent = new Set<PoolWorker>();
  private calibration: Promise<number> | null = null;
  private disposed = false;
  /** The pool a sibling takes fresh workers from; a pool's live siblings. */
  private parent: WorkerPool | null = null;
  private readonly siblings = new Set<WorkerPool>();
  /** The most workers lent at once since the pool was last without lent workers. */
  private peak = 0;
  private recentPeaks: number[] = [];
  private lastActivityMs = 0;
  private refilling = false;

  /** `maxWarm`: the most workers kept warm (0: none, workers start when taken). */
  constructor(
    private readonly create: WorkerFactory,
    private readonly maxWarm = MAX_WARM,
  ) {
    this.scheduleRefill();
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

  /** Lends `n` fresh workers, loaded ones first, starting new ones past the warm ones. */
  take(n: number): PoolWorker[] {
    if (this.lent.size + n > MAX_THREADS)
      throw new RangeError(`At most ${MAX_THREADS} threads can run at once.`);
    const taken: PoolWorker[] = [];
    for (let i = 0; i < n; i++) taken.push(this.fresh() ?? this.start());
    for (const w of taken) this.lent.add(w);
    this.peak = Math.max(this.peak, this.lent.size);
    this.touched();
    return taken;
  }

  /**
   * Ends workers a run used (whatever they are doing: blocked, looping, daemon threads); fresh
   * ones are warmed in the background, after the run's report is out.
   */
  retire(workers: readonly PoolWorker[]): void {
    for (const w of workers) {
      this.lent.delete(w);
      w.api[releaseProxy]();
      w.worker.terminate();
    }
    this.touched();
  }

  /**
   * Takes back workers that served a run and returned: only a search or a sweep gives them back,
   * to run the same program again (their runs stay in one realm, in a pool of their own).
   */
  give(workers: readonly PoolWorker[]): void {
    for (const w of workers) if (this.lent.delete(w)) this.idle.push(w);
    this.touched();
  }

  /**
   * A pool of its own for a search or a sweep, sharing this pool's calibration. It keeps none
   * warm: it takes this pool's fresh workers (which then refills), and starts more only past those.
   */
  sibling(): WorkerPool {
    const pool = new WorkerPool(this.create, 0);
    pool.parent = this;
    pool.calibration = this.workItersPerMs();
    this.siblings.add(pool);
    return pool;
  }

  /** Ends every worker, idle and lent; a disposed pool starts no more. */
  dispose(): void {
    this.disposed = true;
    this.retire([...this.idle, ...this.lent]);
    this.idle.length = 0;
    this.parent?.siblings.delete(this);
  }

  /**
   * Resolves once `n` idle workers (at most as many as the pool keeps warm) have loaded: a
   * benchmark then times its run, not worker start-up.
   */
  async whenWarm(n: number): Promise<void> {
    const wanted = Math.min(n, warmTarget(this.recentPeaks, this.maxWarm));
    while (this.idle.filter((w) => loaded.has(w)).length < wanted) {
      this.scheduleRefill();
      await delay(BOOT_POLL_MS);
    }
  }

  get idleCount(): number {
    return this.idle.length;
  }

  get lentCount(): number {
    return this.lent.size;
  }

  /** A fresh idle worker, loaded ones first, oldest first; undefined when none is idle. */
  private fresh(): PoolWorker | undefined {
    const at = this.idle.findIndex((w) => loaded.has(w));
    const [w] = this.idle.splice(at >= 0 ? at : 0, 1);
    return w ?? this.parent?.handOver();
  }

  /** Gives a fresh idle worker to a sibling, and refills in the background. */
  private handOver(): PoolWorker | undefined {
    const w = this.fresh();
    this.touched();
    return w;
  }

  /**
   * Records a take or a return; when no worker is lent any more, the run's peak is remembered
   * (a sibling's by its parent too, whose fresh workers it takes).
   */
  private touched(): void {
    this.lastActivityMs = performance.now();
    if (this.lent.size === 0 && this.peak > 0) {
      this.recentPeaks = withPeak(this.recentPeaks, this.peak);
      if (this.parent) this.parent.recentPeaks = withPeak(this.parent.recentPeaks, this.peak);
      this.peak = 0;
    }
    if (this.parent) {
      this.parent.lastActivityMs = this.lastActivityMs;
      this.parent.scheduleRefill();
    }
    this.scheduleRefill();
  }

  private lentInFamily(): number {
    let lent = this.lent.size;
    for (const sibling of this.siblings) lent += sibling.lent.size;
    return lent;
  }

  private scheduleRefill(): void {
    if (this.refilling || this.disposed) return;
    if (this.idle.length >= warmTarget(this.recentPeaks, this.maxWarm)) return;
    this.refilling = true;
    void this.refill();
  }

  /** Boots warm workers in small batches, between runs (./warm-policy.ts). */
  private async refill(): Promise<void> {
    const shortSinceMs = performance.now();
    for (;;) {
      const missing = warmTarget(this.recentPeaks, this.maxWarm) - this.idle.length;
      if (this.disposed || missing <= 0) {
        this.refilling = false;
        return;
      }
      const moment = {
        nowMs: performance.now(),
        lent: this.lentInFamily(),
        loadedIdle: this.idle.filter((w) => loaded.has(w)).length,
        lastActivityMs: this.lastActivityMs,
        shortSinceMs,
      };
      if (!mayBoot(moment)) {
        await delay(QUIET_MS);
        continue;
      }
      const batch = Array.from({ length: Math.min(missing, BOOT_BATCH) }, () => this.start());
      this.idle.push(...batch);
      const bootedMs = performance.now();
      const booting = () => batch.some((w) => !loaded.has(w) && this.idle.includes(w));
      while (booting() && performance.now() - bootedMs < BOOT_WAIT_MS) await delay(BOOT_POLL_MS);
    }
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
    const w: PoolWorker = { worker, api: wrap<WorkerApi>(channel.port1) };
    void w.api.ready().then(
      () => loaded.add(w),
      () => undefined,
    );
    return w;
  }
}
