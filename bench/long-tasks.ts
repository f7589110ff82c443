// Main-thread long tasks (> 50 ms) on the bare bench page while an 8-thread lock-heavy program
// runs through the Session: the runner frame streams its live log to the page, which merges it.
import type { Session } from '../src/runtime/session';
import { measure, round, type Figure, type Figures } from './figure';
import { expectOutcome, startCode } from './harness';
import { LOCK_HEAVY_8_THREADS } from './programs';

const ITERATIONS = 600_000;

export async function longTasks(session: Session): Promise<Figure> {
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask'))
    throw new Error('this browser does not report long tasks');
  // Warm the eight workers, so the measured run is the program and not worker start-up.
  expectOutcome(await startCode(session, LOCK_HEAVY_8_THREADS, { iterations: 100 }), 'ok');
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let frames = 0;
  let drawing = true;
  const onFrame = () => {
    frames++;
    if (drawing) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const start = performance.now();
  const report = await startCode(session, LOCK_HEAVY_8_THREADS, { iterations: ITERATIONS });
  const pageMs = performance.now() - start;
  // Long tasks are reported after they end: give the last ones two frames to arrive.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  drawing = false;
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  expectOutcome(report, 'ok');
  return {
    value: tasks.length,
    unit: 'count',
    budget: '0',
    pass: tasks.length === 0,
    longestMs: round(Math.max(0, ...tasks.map((t) => t.duration)), 1),
    // When each happened, from the run's start; compare with pageMs (the report's arrival).
    tasks: tasks.map((t) => ({
      atMs: round(t.startTime - start, 1),
      durationMs: round(t.duration, 1),
    })),
    runWallMs: report.wallMs,
    pageMs: round(pageMs, 1),
    animationFrames: frames,
    events: report.stats.events,
    droppedEvents: report.stats.droppedEvents,
    iterationsPerThread: ITERATIONS,
    acquisitions: report.stats.acquisitions,
  };
}

export async function longTaskFigures(
  session: Session,
  wanted: (name: string) => boolean,
): Promise<Figures> {
  const figures: Figures = {};
  if (wanted('long-tasks-runtime-8-threads'))
    await measure(figures, 'long-tasks-runtime-8-threads', 'count', '0', () => longTasks(session));
  return figures;
}
