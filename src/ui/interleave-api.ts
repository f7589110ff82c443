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
import { clampToRanges } from '../share/knob-ranges';
import { lookupBy } from './demo-lookup';
import type { NoticeBoard } from './notices';
import type { StepState } from '../runtime/step/types';

/** `window.interleave` (docs/contracts.md): the page's scripting API, also served over postMessage. */
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

export function createInterleaveApi(session: Session, notices: NoticeBoard): InterleaveApi {
  const lookup = lookupBy((id) => session.demo(id));
  // The sweep in flight, so stop() ends it as it ends a run.
  let sweeping: AbortController | null = null;
  // Knobs are held to their declared range, as a link's are: a host page may ask for anything.
  const held = (state: State): State => clampToRanges(state, lookup(state.demo)?.ranges).state;
  return {
    load: (state) => {
      const { state: inRange, problems } = clampToRanges(state, lookup(state.demo)?.ranges);
      session.load(inRange);
      notices.update({ clamped: problems });
      if (inRange.mode === 'step') return session.openStepRun().then(() => undefined);
    },
    step: (thread) => session.step(thread),
    back: () => session.back(),
    stepState: () => session.stepState(),
    run: () => session.run(),
    stop: () => {
      sweeping?.abort(new DOMException('The sweep was stopped.', 'AbortError'));
      session.stop();
    },
    state: () => session.state(),
    lastReport: () => session.lastReport(),
    demos: () => session.demos(),
    search: (state, options) => session.search(held(state), options),
    searchProgress: () => session.searchProgress(),
    sweep: async (state, options) => {
      sweeping?.abort(new DOMException('A new sweep replaced this one.', 'AbortError'));
      const controller = new AbortController();
      sweeping = controller;
      try {
        return await runSweep(held(state), options, {
          run: (s) => session.runState(s, controller.signal),
          hardwareConcurrency: navigator.hardwareConcurrency,
          signal: controller.signal,
        });
      } finally {
        if (sweeping === controller) sweeping = null;
      }
    },
  };
}

declare global {
  interface Window {
    interleave?: InterleaveApi;
  }
}
