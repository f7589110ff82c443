import type { DemoSummary, Session } from '../runtime/session';
import type { RunReport, State } from '../runtime/report';

/** `window.interleave` (DESIGN.md §3): the page's scripting API, also served over postMessage. */
export type InterleaveApi = {
  load(state: State): void;
  run(): Promise<RunReport>;
  stop(): void;
  state(): State;
  lastReport(): RunReport | null;
  demos(): DemoSummary[];
};

export function createInterleaveApi(session: Session): InterleaveApi {
  return {
    load: (state) => session.load(state),
    run: () => session.run(),
    stop: () => session.stop(),
    state: () => session.state(),
    lastReport: () => session.lastReport(),
    demos: () => session.demos(),
  };
}

declare global {
  interface Window {
    interleave?: InterleaveApi;
  }
}
