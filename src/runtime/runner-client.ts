import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { RunReport, SearchOptions, SearchProgress, SearchResult } from './contract-types';
import { MAX_PING_MS, MIN_PING_MS, pingLimitFor, SILENCE_MS } from './crash-timing';
import { LiveLog } from './live-log';
import { RemoteStepRun } from './remote-step-run';
import type { Runner, SearchRun, StepRun } from './runner';
import { failedReport, RunnerCrashedError } from './runner-crash';
import { RUNNER_CRASHED, type RunnerHostApi } from './runner-protocol';
import type { ProgramRun, RunOptions } from './run-options';
import { fromWire, type WireDelta } from './wire-delta';

/** A connected runner frame: the port its host API answers on, and how to remove the frame. */
export type RunnerFrame = { port: MessagePort; dispose(): void };

/** The silence before a ping, and the range of the ping's time limit (./crash-timing.ts). */
export type CrashLimits = { silenceMs: number; minPingMs: number; maxPingMs: number };

const CRASH_LIMITS: CrashLimits = {
  silenceMs: SILENCE_MS,
  minPingMs: MIN_PING_MS,
  maxPingMs: MAX_PING_MS,
};

type Connection = { api: Remote<RunnerHostApi>; frame: RunnerFrame };

/** Work going on in the frame: when the page last heard of it, and how it ends if the frame dies. */
type Watched = { heardAt: number; crashed(): void };

/**
 * The page's side of the runner frame: starts runs, step runs and searches there, and mirrors
 * each run's log from the deltas it streams. While any of them goes, a frame that falls silent
 * and does not answer a ping has crashed (a memory bomb kills its process, with no event): a run
 * ends as `error`, a step run ends with an `error` report, a search or a step run being opened
 * rejects with the same sentence, and a fresh frame replaces the dead one.
 */
export class RunnerClient implements Runner {
  private connection: Promise<Connection> | null = null;
  private nextRunId = 0;
  private readonly live = new Set<Watched>();
  private checking = false;
  /** While work goes on: when the frame was last heard, and the longest gap between messages. */
  private lastHeardMs = 0;
  private longestGapMs = 0;

  constructor(
    private readonly connect: () => Promise<RunnerFrame>,
    private readonly limits: CrashLimits = CRASH_LIMITS,
  ) {
    void this.connected();
  }

  start(options: RunOptions): ProgramRun {
    const runId = ++this.nextRunId;
    const log = new LiveLog();
    let settle: (report: RunReport) => void = () => {};
    const report = new Promise<RunReport>((resolve) => (settle = resolve));
    const gil = options.params.gil === true;
    const entry: Watched = {
      heardAt: Date.now(),
      crashed: () => finish(failedReport(log, gil, RUNNER_CRASHED)),
    };
    const finish = (r: RunReport) => {
      if (!this.live.delete(entry)) return;
      settle(r);
    };
    this.watch(entry);
    const listener = proxy({
      delta: (delta: WireDelta) => {
        this.heard(entry);
        log.apply(fromWire(delta));
      },
      done: (r: RunReport) => finish(r),
    });
    this.connected()
      .then(({ api }) => api.start(runId, options, listener))
      .catch((error: unknown) =>
        finish(failedReport(log, gil, `The runner did not take the run: ${String(error)}`)),
      );
    return {
      log,
      report,
      stop: () => this.tell((api) => api.stop(runId)),
      abort: () => this.tell((api) => api.stop(runId)),
      sendInput: (line) => this.tell((api) => api.input(runId, line)),
      inputWaiting: () => log.inputWaiting,
    };
  }

  async openStep(options: RunOptions, schedule: readonly number[], seed: number): Promise<StepRun> {
    const runId = ++this.nextRunId;
    const opened = await this.guarded((api) => api.openStep(runId, options, [...schedule], seed));
    return new RemoteStepRun(
      (use) => this.guarded(use),
      (use) => this.tell(use),
      runId,
      opened,
    );
  }

  search(options: RunOptions, search: SearchOptions, onProgress: () => void): SearchRun {
    const runId = ++this.nextRunId;
    let progress: SearchProgress = { runs: 0, ms: 0 };
    const result: Promise<SearchResult> = this.guarded((api, heard) =>
      api.search(
        runId,
        options,
        search,
        proxy({
          progress: (p: SearchProgress) => {
            heard();
            progress = p;
            onProgress();
          },
        }),
      ),
    );
    return {
      result,
      get progress() {
        return structuredClone(progress);
      },
      stop: () => this.tell((api) => api.stopSearch(runId)),
    };
  }

  /**
   * A call to the frame, watched while it is pending: if the frame dies first, it rejects with a
   * `RunnerCrashedError` instead of waiting forever. `heard` marks the frame as alive (progress).
   */
  private async guarded<T>(
    use: (api: Remote<RunnerHostApi>, heard: () => void) => Promise<T>,
  ): Promise<T> {
    let fail: (error: Error) => void = () => {};
    const died = new Promise<never>((_, reject) => (fail = reject));
    const entry: Watched = { heardAt: Date.now(), crashed: () => fail(new RunnerCrashedError()) };
    this.watch(entry);
    try {
      const { api } = await Promise.race([this.connected(), died]);
      return await Promise.race([use(api, () => this.heard(entry)), died]);
    } finally {
      this.live.delete(entry);
    }
  }

  /** A message the frame need not answer (stop, input, closing a step run). */
  private tell(use: (api: Remote<RunnerHostApi>) => Promise<unknown>): void {
    void this.connected()
      .then(({ api }) => use(api))
      .catch(() => undefined);
  }

  private connected(): Promise<Connection> {
    this.connection ??= this.connect().then((frame) => ({
      frame,
      api: wrap<RunnerHostApi>(frame.port),
    }));
    return this.connection;
  }

  private watch(entry: Watched): void {
    this.live.add(entry);
    void this.watchFrame();
  }

  /** A message from the frame about `entry` (or, without one, about all the work going on). */
  private heard(entry?: Watched): void {
    const nowMs = Date.now();
    if (this.lastHeardMs > 0)
      this.longestGapMs = Math.max(this.longestGapMs, nowMs - this.lastHeardMs);
    this.lastHeardMs = nowMs;
    for (const w of entry ? [entry] : this.live) w.heardAt = nowMs;
  }

  /**
   * While work goes on: a frame silent for a while must answer a ping in time, or it is
   * replaced; the time it gets follows how quiet it has been while healthy (./crash-timing.ts).
   */
  private async watchFrame(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    this.lastHeardMs = Date.now();
    this.longestGapMs = 0;
    const { silenceMs, minPingMs, maxPingMs } = this.limits;
    while (this.live.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, silenceMs / 3));
      const quiet = [...this.live].every((w) => Date.now() - w.heardAt > silenceMs);
      const pingMs = pingLimitFor(this.longestGapMs, minPingMs, maxPingMs);
      if (quiet && this.live.size > 0 && !(await this.answers(pingMs))) this.replaceFrame();
    }
    this.checking = false;
  }

  private async answers(pingMs: number): Promise<boolean> {
    const connection = await this.connected();
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), pingMs));
    const alive = await Promise.race([connection.api.ping().catch(() => false), timeout]);
    if (alive) this.heard();
    return alive;
  }

  /** The frame is dead: whatever it was doing ends, and the next call gets a new frame. */
  private replaceFrame(): void {
    const dead = this.connection;
    this.connection = null;
    void dead?.then(({ api, frame }) => {
      api[releaseProxy]();
      frame.dispose();
    });
    for (const w of [...this.live]) w.crashed();
    this.live.clear();
    void this.connected();
  }
}
