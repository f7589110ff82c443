import { EventKind, Heap, epochMs } from '../sync';
import { ALL_EVENTS_MASK, eventMaskOf, TraceRings, VALUE_EVENTS_MASK } from '../trace/ring';
import { ControlWord, Control, RunState, runtimeBytesFor } from './control';
import type { ParamValue, RunReport } from './contract-types';
import { programTextOf, type ProgramText } from './analyze-source';
import { buildReport, reportFromLog, type Ending } from './build-report';
import { HeapDrain } from './heap-drain';
import { initialThreads } from './initial-threads';
import { LiveLog, type LogDelta } from './live-log';
import { aliveThreads, anyThreadFailed, hangOf, threadSpanMs } from './run-ending';
import { messageOf } from './thrown-value';
import type { RunConfig } from './run-config';
import { keepPrepared, restorePrepared, type PreparedProgram } from './prepared-program';
import { MAX_THREADS, registerThread } from './spawn';
import { readSnapshot, Watchdog } from './watchdog';
import type { PoolWorker, WorkerPool } from './web-worker-pool';
import type { PrepareResult } from './worker/worker-api';
import type { StepDriver } from './step/driver';

export type { PreparedProgram } from './prepared-program';

export type RunOptions = {
  source: string;
  params: Readonly<Record<string, ParamValue>>;
  /** A run still going after this long ends as `timeout`. */
  timeLimitMs?: number;
  /** Per-thread trace ring size (events). */
  traceCapacity?: number;
  /**
   * `full` (default) traces everything the timeline shows; `timing` only what a measurement
   * needs (thread start and end, output), so a sweep times the program, not the tracing.
   */
  trace?: 'full' | 'timing';
  /**
   * A search runs one program thousands of times: workers whose threads all ended go back to the
   * pool (the search's own) for its next run, instead of being replaced.
   */
  reuseWorkers?: boolean;
  /** Step mode: the driver that grants steps (src/runtime/step); absent for a parallel run. */
  step?: StepDriver;
  /**
   * Runs of one program with the same params (a search's) share this: the first run's top level
   * fills it with the memory it left, and later runs start from a copy of that memory instead of
   * evaluating the top level again.
   */
  prepared?: PreparedProgram;
};

/** A run in progress: its live log for the UI, its report when it ends, and its controls. */
export type ProgramRun = {
  readonly log: LiveLog;
  /** Always resolves, whatever the program did: internal failures end as `error`. */
  readonly report: Promise<RunReport>;
  /** Ends the run now (infinite loops included) by terminating its workers. */
  stop(): void;
  /** Ends the run now as `error`, saying why (the runner ran out of memory…). */
  abort(message: string): void;
  /** Answers the thread blocked in `input()`. */
  sendInput(line: string): void;
  /** The thread waiting for input (and its prompt is the last output line), or -1. */
  inputWaiting(): number;
};

const TICK_MS = 10;
const TIMING_EVENTS = eventMaskOf([EventKind.ThreadStart, EventKind.ThreadEnd, EventKind.Print]);
/** How long a search's run waits for its workers to come back for the next run. */
const REUSE_GRACE_MS = 250;
/** The top level only declares: longer than this is a loop (it runs before any thread exists). */
export const TOP_LEVEL_LIMIT_MS = 5_000;
/** check() reads shared values: longer than this, it waits for something that never comes. */
export const CHECK_LIMIT_MS = 5_000;

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
  private readonly lent = new Set<PoolWorker>();
  /** Workers whose serve loop returned (their threads ended): reusable when the options say so. */
  private readonly returned = new Set<PoolWorker>();
  private readonly serving: Promise<unknown>[] = [];
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
    this.retireAll();
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
    const config = await this.configure(text);
    const first = this.borrow(1)[0];
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
    const workers = [first, ...this.borrow(initial.length - 1)];
    // The threads start together, as a program's start() calls do: a thread on a worker still
    // loading would start tens of milliseconds late, and the race a demo shows would not happen.
    const loaded = await this.within(
      Promise.all(workers.map((w) => w.api.ready())),
      TOP_LEVEL_LIMIT_MS,
    );
    if (loaded === 'stopped')
      return this.failure ? this.programError(this.failure) : this.ending('stopped', 0);
    config.startEpochMs = this.startEpochMs = epochMs();
    for (const d of initial) registerThread(this.heap, this.control, d);
    this.control.store(ControlWord.runState, RunState.Running);
    for (const w of workers) this.serve(w, config);
    const ending = this.options.step
      ? await this.driveSteps(this.options.step, config)
      : await this.watch(config);

    this.phase = 'ending';
    if (!this.options.step && (ending.deadlock || ending.stuck))
      this.publish({ hang: hangOf(this.heap, this.control, this.log, ending) });
    this.control.store(ControlWord.runState, RunState.Ending);
    Atomics.notify(this.control.i32, this.control.word(ControlWord.spawnTail));
    if (this.options.reuseWorkers && ending.outcome === 'ok') await this.giveBackReturned();
    this.retireAll();
    this.publish();
    if (ending.outcome === 'ok' && anyThreadFailed(this.heap, this.log)) ending.outcome = 'error';
    if (ending.outcome === 'ok' && prepared.info.hasCheck) {
      this.phase = 'checking';
      ending.check = await this.check(config);
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
    const prepared = await this.within<PrepareResult>(
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
    const wanted = Math.min(aliveThreads(this.heap, this.control), MAX_THREADS) - this.lent.size;
    for (const w of this.borrow(wanted)) this.serve(w, config);
  }

  private async configure(text: ProgramText & { ok: true }): Promise<RunConfig> {
    const params = this.options.params;
    return {
      heap: this.heap.buffer,
      rings: this.rings.buffer,
      source: this.options.source,
      declarations: text.declarations,
      ...(text.instrumented ? { instrumented: text.instrumented } : {}),
      params,
      gil: this.gil,
      seed: typeof params.seed === 'number' ? params.seed : 1,
      startEpochMs: this.startEpochMs,
      workItersPerMs: await this.pool.workItersPerMs(),
      ...(this.options.step ? { step: this.options.step.board.buffer } : {}),
      traceMask:
        this.options.trace === 'timing'
          ? TIMING_EVENTS
          : // Shared reads and writes are traced unless the program's params say otherwise.
            params.traceValues === false
            ? ALL_EVENTS_MASK & ~VALUE_EVENTS_MASK
            : ALL_EVENTS_MASK,
    };
  }

  private borrow(n: number): PoolWorker[] {
    if (n <= 0) return [];
    const taken = this.pool.take(n);
    for (const w of taken) this.lent.add(w);
    return taken;
  }

  /** Lets a worker run threads; its own failure (not a program's exception) ends the run. */
  private serve(w: PoolWorker, config: RunConfig): void {
    this.serving.push(
      w.api.serve(config).then(
        () => this.returned.add(w),
        (error: unknown) => {
          this.failure ??= `A worker failed while running threads: ${messageOf(error)}`;
          this.requestStop();
        },
      ),
    );
  }

  /** Waits (briefly) for idle workers to leave their serve loop, and gives those back. */
  private async giveBackReturned(): Promise<void> {
    await Promise.race([
      Promise.all(this.serving),
      new Promise((resolve) => setTimeout(resolve, REUSE_GRACE_MS)),
    ]);
    const back = [...this.lent].filter((w) => this.returned.has(w));
    this.pool.give(back);
    for (const w of back) this.lent.delete(w);
  }

  /** Every worker this run touched is terminated: no global, listener or timer survives it. */
  private retireAll(): void {
    this.pool.retire([...this.lent]);
    this.lent.clear();
  }

  /** `promise`, or 'stopped' / 'timeout' if Stop or the limit comes first. */
  private within<T>(promise: Promise<T>, limitMs: number): Promise<T | 'stopped' | 'timeout'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limitMs);
    });
    return Promise.race([promise, this.stopped.then(() => 'stopped' as const), limit]).finally(() =>
      clearTimeout(timer),
    );
  }

  private async check(config: RunConfig): Promise<{ passed: boolean; message?: string }> {
    const [w] = this.borrow(1);
    if (!w) return { passed: false, message: 'no worker to run check()' };
    const result = await this.within(w.api.check(config), CHECK_LIMIT_MS);
    // A check that returned leaves its worker idle: a search's next run may have it back.
    if (this.options.reuseWorkers && result !== 'stopped' && result !== 'timeout') {
      this.pool.give([w]);
      this.lent.delete(w);
    }
    this.retireAll();
    if (result === 'stopped') return { passed: false, message: 'stopped during check()' };
    if (result === 'timeout')
      return {
        passed: false,
        message: `check() did not return within ${CHECK_LIMIT_MS / 1000} s (does it wait for a lock?)`,
      };
    return result.message === undefined
      ? { passed: result.passed }
      : { passed: result.passed, message: result.message };
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
