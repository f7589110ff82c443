import type { RunConfig } from './run-config';
import { messageOf } from './thrown-value';
import type { PoolWorker, WorkerPool } from './web-worker-pool';

/** How long a search's run waits for its workers to come back for the next run. */
const REUSE_GRACE_MS = 250;

/**
 * The workers one run borrowed from the pool: lent to its threads, given back when a search may
 * reuse them, and otherwise terminated when the run ends.
 */
export class RunWorkers {
  private readonly lent = new Set<PoolWorker>();
  /** Workers whose serve loop returned (their threads ended): reusable when the run says so. */
  private readonly returned = new Set<PoolWorker>();
  private readonly serving: Promise<unknown>[] = [];

  constructor(
    private readonly pool: WorkerPool,
    /** A worker failed (not a program's exception): the run must end saying so. */
    private readonly onFailure: (message: string) => void,
  ) {}

  get count(): number {
    return this.lent.size;
  }

  borrow(n: number): PoolWorker[] {
    if (n <= 0) return [];
    const taken = this.pool.take(n);
    for (const w of taken) this.lent.add(w);
    return taken;
  }

  /** Lets a worker run threads; its own failure (not a program's exception) ends the run. */
  serve(w: PoolWorker, config: RunConfig): void {
    this.serving.push(
      w.api.serve(config).then(
        () => this.returned.add(w),
        (error: unknown) =>
          this.onFailure(`A worker failed while running threads: ${messageOf(error)}`),
      ),
    );
  }

  /** Gives `w` back to the pool for the same program's next run (a search's). */
  giveBack(w: PoolWorker): void {
    if (this.lent.delete(w)) this.pool.give([w]);
  }

  /** Waits (briefly) for idle workers to leave their serve loop, and gives those back. */
  async giveBackReturned(): Promise<void> {
    await Promise.race([
      Promise.all(this.serving),
      new Promise((resolve) => setTimeout(resolve, REUSE_GRACE_MS)),
    ]);
    for (const w of [...this.lent]) if (this.returned.has(w)) this.giveBack(w);
  }

  /** Every worker this run still holds is terminated: no global, listener or timer survives it. */
  retireAll(): void {
    this.pool.retire([...this.lent]);
    this.lent.clear();
  }
}
