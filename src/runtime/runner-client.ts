import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { RunReport, SearchOptions, SearchProgress, SearchResult } from './contract-types';
import { reportFromLog } from './build-report';
import { LiveLog } from './live-log';
import type { Runner, SearchRun, StepRun } from './runner';
import { RUNNER_CRASHED, type RunnerHostApi, type StepInfo } from './runner-protocol';
import type { StepState } from './step/types';
import type { ProgramRun, RunOptions } from './run-program';

/** A connected runner frame: the port its host API answers on, and how to remove the frame. */
export type RunnerFrame = { port: MessagePort; dispose(): void };

/**
 * Silence (no message from a frame with a run going) after which the page asks if it lives. A
 * frame busy with 64 spinning threads on two cores can be slow to answer: 15 s in all before it is
 * taken for dead, while a memory bomb kills its process in tens of seconds anyway.
 */
const SILENCE_MS = 5_000;
/** How long a ping may take before the frame is taken for dead. */
const PING_MS = 10_000;

type Connection = { api: Remote<RunnerHostApi>; frame: RunnerFrame };

/**
 * The page's side of the runner frame: starts runs there and mirrors each run's log from the
 * deltas it streams. A frame that falls silent and does not answer a ping has crashed (a memory
 * bomb kills its process, with no event): its runs end as `error` and a fresh frame replaces it.
 */
export class RunnerClient implements Runner {
  private connection: Promise<Connection> | null = null;
  private nextRunId = 0;
  private readonly live = new Map<number, { heardAt: number; crashed: () => void }>();
  private checking = false;

  constructor(private readonly connect: () => Promise<RunnerFrame>) {
    void this.connected();
  }

  start(options: RunOptions): ProgramRun {
    const runId = ++this.nextRunId;
    const log = new LiveLog();
    let settle: (report: RunReport) => void = () => {};
    const report = new Promise<RunReport>((resolve) => (settle = resolve));
    const finish = (r: RunReport) => {
      if (!this.live.delete(runId)) return;
      settle(r);
    };
    const entry = {
      heardAt: Date.now(),
      crashed: () => finish(failedReport(options, log, RUNNER_CRASHED)),
    };
    this.live.set(runId, entry);
    const listener = proxy({
      delta: (delta: Parameters<LiveLog['apply']>[0]) => {
        entry.heardAt = Date.now();
        log.apply(delta);
      },
      done: (r: RunReport) => finish(r),
    });
    const connection = this.connected();
    const call = (use: (api: Remote<RunnerHostApi>) => Promise<unknown>) =>
      void connection.then(({ api }) => use(api)).catch(() => undefined);
    connection
      .then(({ api }) => api.start(runId, options, listener))
      .catch((error: unknown) =>
        finish(failedReport(options, log, `The runner did not take the run: ${String(error)}`)),
      );
    void this.watch();
    return {
      log,
      report,
      stop: () => call((api) => api.stop(runId)),
      abort: () => call((api) => api.stop(runId)),
      sendInput: (line) => call((api) => api.input(runId, line)),
      inputWaiting: () => log.inputWaiting,
    };
  }

  async openStep(options: RunOptions, schedule: readonly number[], seed: number): Promise<StepRun> {
    const runId = ++this.nextRunId;
    const { api } = await this.connected();
    const opened = await api.openStep(runId, options, [...schedule], seed);
    return new RemoteStepRun(api, runId, opened);
  }

  search(options: RunOptions, search: SearchOptions, onProgress: () => void): SearchRun {
    const runId = ++this.nextRunId;
    let progress: SearchProgress = { runs: 0, ms: 0 };
    const connection = this.connected();
    const result: Promise<SearchResult> = connection.then(({ api }) =>
      api.search(
        runId,
        options,
        search,
        proxy({
          progress: (p: SearchProgress) => {
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
      stop: () => void connection.then(({ api }) => api.stopSearch(runId)).catch(() => undefined),
    };
  }

  private connected(): Promise<Connection> {
    this.connection ??= this.connect().then((frame) => ({
      frame,
      api: wrap<RunnerHostApi>(frame.port),
    }));
    return this.connection;
  }

  /** While runs are going: a frame silent too long must answer a ping, or it is replaced. */
  private async watch(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    while (this.live.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, SILENCE_MS / 3));
      const quiet = [...this.live.values()].every((r) => Date.now() - r.heardAt > SILENCE_MS);
      if (quiet && this.live.size > 0 && !(await this.answers())) this.replaceFrame();
    }
    this.checking = false;
  }

  private async answers(): Promise<boolean> {
    const connection = await this.connected();
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), PING_MS));
    const alive = await Promise.race([connection.api.ping().catch(() => false), timeout]);
    if (alive) for (const run of this.live.values()) run.heardAt = Date.now();
    return alive;
  }

  /** The frame is dead: its runs end as `error`, and the next run gets a new frame. */
  private replaceFrame(): void {
    const dead = this.connection;
    this.connection = null;
    void dead?.then(({ api, frame }) => {
      api[releaseProxy]();
      frame.dispose();
    });
    for (const run of [...this.live.values()]) run.crashed();
    void this.connected();
  }
}

/** The report of a run whose runner is gone: what the page had read of it, and why it ended. */
function failedReport(options: RunOptions, log: LiveLog, message: string): RunReport {
  return reportFromLog(log, {
    outcome: 'error',
    gil: options.params.gil === true,
    wallMs: 0,
    programError: { message },
  });
}

/** The page's mirror of a step run open in the runner frame: its last state, kept after each call. */
class RemoteStepRun implements StepRun {
  readonly log = new LiveLog();
  private info!: StepInfo;

  constructor(
    private readonly api: Remote<RunnerHostApi>,
    private readonly runId: number,
    opened: StepInfo,
  ) {
    this.take(opened);
  }

  /** Keeps the run's latest answer and brings the page's log up to date with it. */
  private take(info: StepInfo): void {
    for (const delta of info.deltas) this.log.apply(delta);
    this.info = info;
  }

  state(): StepState {
    return structuredClone(this.info.state);
  }

  get report(): RunReport | null {
    return this.info.report;
  }

  get schedule(): number[] {
    return [...this.info.schedule];
  }

  async step(thread?: number): Promise<StepState> {
    this.take(await this.api.step(this.runId, thread));
    return this.state();
  }

  async runToEnd(): Promise<RunReport> {
    this.take(await this.api.runToEnd(this.runId));
    if (!this.info.report) throw new Error('The step run did not end.');
    return this.info.report;
  }

  close(): void {
    void this.api.closeStep(this.runId).catch(() => undefined);
  }
}
