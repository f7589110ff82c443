import {
  isRunOptions,
  MEMORY_BUDGET_BYTES,
  OUT_OF_MEMORY,
  type RunListener,
  type RunnerHostApi,
} from './runner-protocol';
import { startRun, type ProgramRun } from './run-program';
import type { WorkerPool } from './web-worker-pool';

/** How often the frame measures its memory while a run is going. */
const MEMORY_CHECK_MS = 250;

type MemoryMeasure = () => Promise<{ bytes: number }>;

/**
 * The runner frame's side: runs programs on its pool and streams what it reads of them to the
 * page. While a run is going it measures the frame's memory (workers included) and ends runs
 * that pass the budget, before the browser would kill the process.
 */
export function createRunnerHost(pool: WorkerPool, measure: MemoryMeasure | null): RunnerHostApi {
  const runs = new Map<number, ProgramRun>();
  let watching = false;
  const watchMemory = async () => {
    if (watching || !measure) return;
    watching = true;
    while (runs.size > 0) {
      const started = Date.now();
      const { bytes } = await measure().catch(() => ({ bytes: 0 }));
      if (bytes > MEMORY_BUDGET_BYTES) for (const run of runs.values()) run.abort(OUT_OF_MEMORY);
      const left = MEMORY_CHECK_MS - (Date.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
    watching = false;
  };
  return {
    start(runId: number, options: unknown, listener: RunListener) {
      if (!Number.isInteger(runId) || runs.has(runId) || !isRunOptions(options))
        throw new TypeError('A run needs a new id and valid options.');
      const run = startRun(pool, options, (delta) => void listener.delta(delta));
      runs.set(runId, run);
      void run.report.then((report) => {
        runs.delete(runId);
        void listener.done(report);
      });
      void watchMemory();
    },
    stop(runId: number) {
      runs.get(runId)?.stop();
    },
    input(runId: number, line: unknown) {
      if (typeof line === 'string') runs.get(runId)?.sendInput(line);
    },
    ping: () => true,
  };
}
