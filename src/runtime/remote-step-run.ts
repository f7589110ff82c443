import type { Remote } from 'comlink';
import type { RunReport } from './contract-types';
import { LiveLog } from './live-log';
import type { StepRun } from './runner';
import { failedReport, RunnerCrashedError } from './runner-crash';
import { RUNNER_CRASHED, type RunnerHostApi, type StepInfo } from './runner-protocol';
import type { StepState } from './step/types';
import { fromWire } from './wire-delta';

/** A call to the runner frame that settles even if the frame dies (runner-client.ts). */
export type GuardedCall = <T>(use: (api: Remote<RunnerHostApi>) => Promise<T>) => Promise<T>;

/**
 * The page's mirror of a step run open in the runner frame: its last state, kept after each call.
 * A frame that dies during a call ends the run: the call resolves with the state it had, ended
 * with an `error` report saying the runner is gone, as any ended step run answers.
 */
export class RemoteStepRun implements StepRun {
  readonly log = new LiveLog();
  // Set by take(), which the constructor calls first.
  private info!: StepInfo;

  constructor(
    private readonly call: GuardedCall,
    private readonly tell: (use: (api: Remote<RunnerHostApi>) => Promise<unknown>) => void,
    private readonly runId: number,
    opened: StepInfo,
  ) {
    this.take(opened);
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
    await this.update((api) => api.step(this.runId, thread));
    return this.state();
  }

  async runToEnd(): Promise<RunReport> {
    await this.update((api) => api.runToEnd(this.runId));
    if (!this.info.report) throw new Error('The step run did not end.');
    return this.info.report;
  }

  close(): void {
    this.tell((api) => api.closeStep(this.runId));
  }

  /** Keeps the run's latest answer and brings the page's log up to date with it. */
  private take(info: StepInfo): void {
    for (const delta of info.deltas) this.log.apply(fromWire(delta));
    this.info = info;
  }

  private async update(use: (api: Remote<RunnerHostApi>) => Promise<StepInfo>): Promise<void> {
    try {
      this.take(await this.call(use));
    } catch (error) {
      if (!(error instanceof RunnerCrashedError)) throw error;
      // Step mode runs without the GIL (one thread moves at a time): its reports say so.
      const crashed = failedReport(this.log, false, RUNNER_CRASHED);
      const report = { ...crashed, mode: 'step' as const, schedule: this.schedule };
      this.info = { ...this.info, state: { ...this.info.state, report }, report };
    }
  }
}
