import { runSweep } from '../lab/sweep';
import type { RunReport, State, SweepOptions, SweepResult } from '../runtime/contract-types';
import type { DemoSummary, Session } from '../runtime/session';

/** `window.interleave` (docs/contracts.md): the page's scripting API, also served over postMessage. */
export type InterleaveApi = {
  load(state: State): void;
  run(): Promise<RunReport>;
  stop(): void;
  state(): State;
  lastReport(): RunReport | null;
  demos(): DemoSummary[];
  sweep(state: State, options: SweepOptions): Promise<SweepResult>;
};

export function createInterleaveApi(session: Session): InterleaveApi {
  return {
    load: (state) => session.load(state),
    run: () => session.run(),
    stop: () => session.stop(),
    state: () => session.state(),
    lastReport: () => session.lastReport(),
    demos: () => session.demos(),
    sweep: (state, options) =>
      runSweep(state, options, {
        run: (s) => session.runState(s),
        hardwareConcurrency: navigator.hardwareConcurrency,
      }),
  };
}

declare global {
  interface Window {
    interleave?: InterleaveApi;
  }
}
