import { runSweep } from '../lab/sweep';
import type {
  RunReport,
  SearchOptions,
  SearchProgress,
  SearchResult,
  State,
  SweepOptions,
  SweepResult,
} from '../runtime/contract-types';
import type { DemoSummary, Session } from '../runtime/session';
import type { StepState } from '../runtime/step/types';

/** `window.interleave` (DESIGN.md §3): the page's scripting API, also served over postMessage. */
export type InterleaveApi = {
  /** A step-mode state returns a promise that resolves once its run is open (paused). */
  load(state: State): void | Promise<void>;
  step(thread?: number): Promise<StepState>;
  back(): Promise<StepState>;
  stepState(): StepState | null;
  run(): Promise<RunReport>;
  stop(): void;
  state(): State;
  lastReport(): RunReport | null;
  demos(): DemoSummary[];
  sweep(state: State, options: SweepOptions): Promise<SweepResult>;
  search(state: State, options?: SearchOptions): Promise<SearchResult>;
  searchProgress(): SearchProgress | null;
};

export function createInterleaveApi(session: Session): InterleaveApi {
  return {
    load: (state) => {
      session.load(state);
      if (state.mode === 'step') return session.openStepRun().then(() => undefined);
    },
    step: (thread) => session.step(thread),
    back: () => session.back(),
    stepState: () => session.stepState(),
    run: () => session.run(),
    stop: () => session.stop(),
    state: () => session.state(),
    lastReport: () => session.lastReport(),
    demos: () => session.demos(),
    search: (state, options) => session.search(state, options),
    searchProgress: () => session.searchProgress(),
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
