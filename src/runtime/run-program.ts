import { Heap, epochMs } from '../sync';
import { TraceRings } from '../trace/ring';
import { ControlWord, Control, RunState, runtimeBytesFor } from './control';
import type { RunReport } from './contract-types';
import { programTextOf } from './analyze-source';
import { buildReport, reportFromLog, type Ending } from './build-report';
import { HeapDrain } from './heap-drain';
import { initialThreads } from './initial-threads';
import { LiveLog, type LogDelta } from './live-log';
import { aliveThreads, anyThreadFailed, hangOf, threadSpanMs, withinLimit } from './run-ending';
import { messageOf } from './thrown-value';
import type { RunConfig } from './run-config';
import { keepPrepared, restorePrepared } from './prepared-program';
import { MAX_THREADS, registerThread } from './spawn';
import { readSnapshot, Watchdog } from './watchdog';
import type { PoolWorker, WorkerPool } from './web-worker-pool';
import type { PrepareResult } from './worker/worker-api';
import type { StepDriver } from './step/driver';
import { runConfigOf, type ProgramRun, type RunOptions } from './run-options';
import { RunWorkers } from './run-workers';
import { checkProgram } from './run-check';

const TICK_MS = 10;
/** The top level only declares: longer than this is a loop (it runs before any thread exists). */
export const TOP_LEVEL_LIMIT_MS = 5_000;

/**
 * Starts a program on the pool's workers; never blocks the calling thread. `onDelta` sees every
 * drain of the run's memory (the runner frame forwards them to the page).
 */
export function startRun(
  pool: WorkerPool,
  options: RunOptions,
  onDelta?: (delta: LogDelta) => void,
): ProgramRun {
  const lifecycle = new RunLifecycle(pool, options, onDelta);
  return {
    log: lifecycle.log,
    report: lifecycle.run(),
    stop: () => lifecycle.stop(),
    abort: (message) => lifecycle.abort(message),
    sendInput: (line) => lifecycle.sendInput(line),
    inputWaiting: () => lifecycle.log.inputWaiting,
  };
}

/**
 * One run's life: `preparing` (one worker evaluates the top level) → `running` (workers serve
 * threads; the tick loop drains memory and watches for hangs) → `ending` (every lent worker is
 * terminated: a run's code never shares a realm with a later run's) → `checking` (check() in a
 * fresh worker) → `done`. Stop may arrive in any phase; every path, including an internal
 * failure, ends in a report with the pool whole again.
 */
type Phase = 'preparing' | 'running' | 'ending' | 'checking' | 'done';

class RunLifecycle {
  readonly log = new LiveLog();
  private phase: Phase = 'preparing';
  private readonly heap: Heap;
  private readonly control: Control;
  private readonly rings: TraceRings;
  private readonly drain: HeapDrain;
  private readonly workers: RunWorkers;
  private readonly stopped: Promise<void>;
  private requestStop: () => void = () => {};
  private stopRequested = false;
  /** Why the run must end as `error` though the program did not fail (a worker died, memory). */
  private failure: string | null = null;
  private readonly gil: boolean;
  private startEpochMs = epochMs();

  constructor(
    private readonly pool: WorkerPool,
    private readonly options: RunOptions,
    private readonly onDelta?: (delta: LogDelta) => void,
  ) {
    this.heap = Heap.create({
      maxThreads: MAX_THREADS,
      runtimeBytes: runtimeBytesFor(MAX_THREADS),
    });
    this.control = new Control(this.heap);
    this.rings = TraceRings.create(MAX_THREADS, options.traceCapacity ?? 8192);
    this.drain = new HeapDrain(this.heap, this.control, this.rings);
    this.stopped = new Promise((resolve) => (this.requestStop = resolve));
    this.workers = new RunWorkers(pool, (message) => this.abort(message));
    // One thread moves at a time in step mode: the GIL would change nothing.
    this.gil = options.params.gil === true && !options.step;
  }

  stop(): void {
    this.stopRequested = true;
    this.requestStop();
  }

  abort(message: string): void {
    this.failure ??= message;
    this.requestStop();
  }

  sendInput(line: string): void {
    if (this.phase !== 'running') return;
    const control = this.control;
    control.store(ControlWord.inputText, control.putText(line));
    Atomics.add(control.i32, control.word(ControlWord.inputSeq), 1);
    Atomics.notify(control.i32, control.word(ControlWord.inputSeq));
  }

  async run(): Promise<RunReport> {
    let ending: Ending;
    try {
      ending = await this.execute();
    } catch (error) {
      ending = this.internalFailure(error);
    }
    this.workers.retireAll();
    this.phase = 'done';
    try {
      this.publish();
      return buildReport(this.heap, this.control, this.log, ending);
    } catch (error) {
      // The run's memory cannot be read any more: report what the log already holds.
      return reportFromLog(this.log, this.internalFailure(error));
    }
  }

  private async execute(): Promise<Ending> {
    const text = programTextOf(this.options.source, this.gil);
    if (!text.ok) return { ...this.ending('error', 0), programError: text.error };
    const config = runConfigOf(this.options, text, {
      heap: this.heap.buffer,
      rings: this.rings.buffer,
      gil: this.gil,
      startEpochMs: this.startEpochMs,
      workItersPerMs: await this.pool.workItersPerMs(),
    });
    const first = this.workers.borrow(1)[0];
    if (!first) throw new Error('no worker for the top level');
    const prepared = await this.prepare(first, config);
    if (prepared === 'stopped')
      return this.failure ? this.programError(this.failure) : this.ending('stopped', 0);
    if (prepared === 'timeout')
      return this.programError(
        `The top level ran longer than ${TOP_LEVEL_LIMIT_MS / 1000} s. It runs before any thread ` +
          'starts and should only declare shared objects: move loops into a thread function.',
      );
    if (!prepared.ok) return { ...this.ending('error', 0), programError: prepared.error };
    let initial;
    try {
      initial = initialThreads(prepared.info, this.options.params);
    } catch (error) {
      return this.programError(messageOf(error));
    }

    this.phase = 'running';
    const workers = [first, ...this.workers.borrow(initial.length - 1)];
    // The threads start together, as a program's start() calls do: a thread on a worker still
    // loading would start tens of milliseconds late, and the race a demo shows would not happen.
    const loaded = await withinLimit(
      this.stopped,
      Promise.all(workers.map((w) => w.api.ready())),
      TOP_LEVEL_LIMIT_MS,
    );
    if (loaded === 'stopped')
      return this.failure ? this.programError(this.failure) : this.ending('stopped', 0);
    config.startEpochMs = this.startEpochMs = epochMs();
    for (const d of initial) registerThread(this.heap, this.control, d);
    this.control.store(ControlWord.runState, RunState.Running);
    for (const w of workers) this.workers.serve(w, config);
    const ending = this.options.step
      ? await this.driveSteps(this.options.step, config)
      : await this.watch(config);

    this.phase = 'ending';
    if (!this.options.step && (ending.deadlock || ending.stuck))
      this.publish({ hang: hangOf(this.heap, this.control, this.log, ending) });
    this.control.store(ControlWord.runState, RunState.Ending);
    Atomics.notify(this.control.i32, this.control.word(ControlWord.spawnTail));
    if (this.options.reuseWorkers && ending.outcome === 'ok') await this.workers.giveBackReturned();
    this.workers.retireAll();
    this.publish();
    if (ending.outcome === 'ok' && anyThreadFailed(this.heap, this.log)) ending.outcome = 'error';
    if (ending.outcome === 'ok' && prepared.info.hasCheck) {
      this.phase = 'checking';
      ending.check = await checkProgram(
        this.workers,
        this.stopped,
        config,
        this.options.reuseWorkers === true,
      );
      if (!ending.check.passed) ending.outcome = 'check-failed';
    }
    return ending;
  }

  /** The top level's run (in `first`), or a copy of the memory it left in an earlier run. */
  private async prepare(
    first: PoolWorker,
    config: RunConfig,
  ): Promise<PrepareResult | 'stopped' | 'timeout'> {
    const cache = this.options.prepared;
    if (cache && restorePrepared(cache, this.heap.buffer)) return { ok: true, info: cache.info };
    const prepared = await withinLimit<PrepareResult>(
      this.stopped,
      first.api.prepare(config),
      TOP_LEVEL_LIMIT_MS,
    );
    if (cache && typeof prepared === 'object' && prepared.ok)
      keepPrepared(cache, this.heap.buffer, prepared.info);
    return prepared;
  }

  /** The tick loop: drains memory, lends workers to new threads, and decides when the run ends. */
  private async watch(config: RunConfig): Promise<Ending> {
    const watchdog = new Watchdog();
    const limitMs = this.options.timeLimitMs ?? 60_000;
    for (;;) {
      await Promise.race([this.tick(), this.stopped]);
      this.publish();
      const nowMs = epochMs() - config.startEpochMs;
      if (this.stopRequested) return this.ending('stopped', nowMs);
      if (this.failure) return this.programError(this.failure, nowMs);
      if (this.control.load(ControlWord.liveThreads) === 0 && this.control.pendingSpawns() === 0)
        return this.ending('ok', threadSpanMs(this.log) ?? nowMs);
      if (nowMs > limitMs) return this.ending('timeout', nowMs);
      const verdict = watchdog.observe(readSnapshot(this.heap, this.control), nowMs);
      if (verdict?.kind === 'deadlock')
        return { ...this.ending('deadlock', nowMs), deadlock: verdict.cycle };
      if (verdict?.kind === 'stuck')
        return { ...this.ending('stuck', nowMs), stuck: verdict.waiting };
      this.lendMore(config);
    }
  }

  /** Step mode: the driver grants every step and decides how the run ends. */
  private async driveSteps(driver: StepDriver, config: RunConfig): Promise<Ending> {
    const driven = await driver.drive({
      heap: this.heap,
      control: this.control,
      stopped: this.stopped,
      isStopped: () => this.stopRequested || this.failure !== null,
      lendMore: () => this.lendMore(config),
      // Paused for the learner: what the steps so far did must reach the page now.
      paused: () => this.publish(),
    });
    this.publish(driven.hang ? { hang: driven.hang } : {});
    return this.failure ? this.programError(this.failure, driven.ending.wallMs) : driven.ending;
  }

  /** Threads started by the program (Thread, pools) need workers: lend more on demand. */
  private lendMore(config: RunConfig): void {
    const wanted =
      Math.min(aliveThreads(this.heap, this.control), MAX_THREADS) - this.workers.count;
    for (const w of this.workers.borrow(wanted)) this.workers.serve(w, config);
  }

  /** Drains the run's memory into the log (and to whoever watches it). */
  private publish(extra: Partial<LogDelta> = {}): void {
    const delta = { ...this.drain.next(this.log), ...extra };
    const taken = this.options.step?.taken;
    if (taken && taken.length > this.log.steps.length)
      delta.steps = taken.slice(this.log.steps.length);
    this.log.apply(delta);
    this.onDelta?.(delta);
  }

  /** Waits one watchdog tick, or less if the last live thread ends first. */
  private tick(): Promise<unknown> {
    const word = this.control.word(ControlWord.liveThreads);
    const live = Atomics.load(this.control.i32, word);
    const wait = Atomics.waitAsync(this.control.i32, word, live, TICK_MS);
    return wait.async ? wait.value : Promise.resolve();
  }

  private ending(outcome: RunReport['outcome'], wallMs: number): Ending {
    return { outcome, gil: this.gil, wallMs };
  }

  private programError(message: string, wallMs = 0): Ending {
    return { ...this.ending('error', wallMs), programError: { message } };
  }

  /** A failure of the runtime itself (or of memory the program scribbled on): still a report. */
  private internalFailure(error: unknown): Ending {
    const wallMs = this.phase === 'preparing' ? 0 : epochMs() - this.startEpochMs;
    return this.programError(`The run could not continue: ${messageOf(error)}`, wallMs);
  }
}
