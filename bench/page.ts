// The bench page (bench.html): `window.runBenchmarks()` measures every in-browser figure of
// docs/budgets.md and resolves with them. bench/run.mjs drives it in headless Chromium.
import { progress, type Figures } from './figure';
import { createSession } from './harness';
import { hostileFigures } from './hostile-figures';
import { longTaskFigures } from './long-tasks';
import { primitiveFigures } from './primitive-figures';
import { runtimeFigures } from './runtime-figures';
import { searchFigures } from './search-figures';
import { speedupFigures } from './speedup-figures';
import { stepFigures } from './step-figures';
import { tickFigures } from './tick-figures';
import { timelineFigures } from './timeline-figures';

declare global {
  interface Window {
    /**
     * Runs the benchmarks. `only` (comma-separated substrings) runs just the figures whose names
     * contain one of them; the ping-pong figures answer to `ping-pong`.
     */
    runBenchmarks(only?: string): Promise<Figures>;
  }
}

window.runBenchmarks = async (only?: string) => {
  if (!crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated');
  const filters = only?.split(',').filter(Boolean) ?? [];
  const wanted = (name: string) =>
    filters.length === 0 || filters.some((f) => name.includes(f) || f.includes(name));
  const figures: Figures = { ...(await primitiveFigures(wanted)) };
  // Before the runner frame exists: its pool boots workers in the background, on the same two
  // cores, and the frame times would measure that instead of drawing.
  Object.assign(figures, await timelineFigures(wanted));
  const session = createSession();
  Object.assign(figures, await runtimeFigures(session, wanted));
  Object.assign(figures, await speedupFigures(session, wanted));
  Object.assign(figures, await searchFigures(session, wanted));
  Object.assign(figures, await longTaskFigures(session, wanted));
  Object.assign(figures, await hostileFigures(session, wanted));
  Object.assign(figures, await stepFigures(wanted));
  Object.assign(figures, await tickFigures(wanted));
  progress('done');
  return figures;
};
