import { transfer } from 'comlink';
import {
  isRunOptions,
  MEMORY_BUDGET_BYTES,
  OUT_OF_MEMORY,
  type RunListener,
  type RunnerHostApi,
  type StepInfo,
} from './runner-protocol';
import type { SearchOptions, SearchProgress } from './contract-types';
import { SearchJob } from './search/search-job';
import { StepController } from './step/step-controller';
import type { ProgramRun } from './run-options';
import { startRun } from './run-program';
import type { WorkerPool } from './web-worker-pool';
import { deltaChunks, type LogDelta } from './live-log';
import { toWire } from './wire-delta';

/** Events per message to the page: each unpacks there in about a millisecond. */
const DELTA_CHUNK_EVENTS = 4096;

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
  // A sweep times one program over and over: its runs reuse workers, in a pool of their own that
  // ends when another program runs, so no program's realm reaches a different program's run.
  let timing: { source: string; pool: WorkerPool } | null = null;
  const poolFor = (options: { source: string; trace?: string }) => {
    if (options.trace !== 'timing') {
      timing?.pool.dispose();
      timing = null;
      return { runPool: pool, reuse: false };
    }
    if (timing?.source !== options.source) {
      timing?.pool.dispose();
      timing = { source: options.source, pool: pool.sibling() };
    }
    return { runPool: timing.pool, reuse: true };
  };
  const steps = new Map<number, StepController>();
  /** Per open step run: the drains of its log not yet sent to the page. */
  const unsent = new WeakMap<StepController, LogDelta[]>();
  const searches = new Map<number, SearchJob>();
  const stepRun = (id: number) => {
    const run = steps.get(id);
    if (!run) throw new Error("No step run is open: load a state with mode 'step' first.");
    return run;
  };
  const info = (run: StepController): StepInfo => {
    // Emptied in place: the run's drain callback keeps pushing to the same array.
    const deltas = (unsent.get(run)?.splice(0) ?? []).map(toWire);
    const buffers = deltas.map((delta) => delta.events.buffer);
    return transfer(
      { state: run.state(), report: run.report, schedule: run.schedule, deltas },
      buffers,
    );
  };
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
      const { runPool, reuse } = poolFor(options);
      const run = startRun(runPool, { ...options, reuseWorkers: reuse }, (delta) => {
        for (const chunk of deltaChunks(delta, DELTA_CHUNK_EVENTS))
          void listener.delta(toWire(chunk));
      });
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
    async openStep(runId: number, options: unknown, schedule: number[], seed: number) {
      if (!isRunOptions(options)) throw new TypeError('A step run needs valid options.');
      const drained: LogDelta[] = [];
      const run = await StepController.open(pool, options, schedule, seed, (delta) =>
        drained.push(delta),
      );
      unsent.set(run, drained);
      steps.get(runId)?.close();
      steps.set(runId, run);
      return info(run);
    },
    async step(runId: number, thread?: number) {
      const run = stepRun(runId);
      await run.step(thread);
      return info(run);
    },
    async runToEnd(runId: number) {
      const run = stepRun(runId);
      await run.runToEnd();
      return info(run);
    },
    closeStep(runId: number) {
      steps.get(runId)?.close();
      steps.delete(runId);
    },
    async search(
      runId: number,
      options: unknown,
      search: SearchOptions,
      listener: { progress(p: SearchProgress): void },
    ) {
      if (!isRunOptions(options)) throw new TypeError('A search needs valid options.');
      // A search reuses workers between its runs, so it gets a pool of its own: its program's
      // realm never reaches another program's run.
      const own = pool.sibling();
      const job = new SearchJob(own, options, search, () => void listener.progress(job.progress));
      searches.set(runId, job);
      try {
        return await job.result;
      } finally {
        searches.delete(runId);
        own.dispose();
      }
    },
    stopSearch(runId: number) {
      searches.get(runId)?.stop();
    },
  };
}
