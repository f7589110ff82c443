// The runtime as the app uses it: one Session over the runner frame's warm worker pool, running programs given as
// source (the `scratch` demo with `code` set), plus the worker baselines the runtime figures use.
import type { DemoDefinition } from '../src/demos/types';
import type { ParamValue, RunReport } from '../src/runtime/contract-types';
import { Session } from '../src/runtime/session';
import { RunnerClient } from '../src/runtime/runner-client';
import { openRunnerFrame } from '../src/ui/runner-frame';
import { median } from './figure';

/** The bench's own `scratch` demo: programs arrive as `code`, so it only has to exist. */
const scratchDemo: DemoDefinition = {
  id: 'scratch',
  topic: 'basics',
  title: 'Scratch',
  concepts: [],
  summary: 'Benchmark programs',
  source: 'export const threads = 1;\nexport function thread(id) {}\n',
  knobs: [],
  expect: { default: 'ok' },
  explain: { tryThis: '', watch: '', why: '', python: '' },
};

export function createSession(): Session {
  return new Session(new RunnerClient(openRunnerFrame), [scratchDemo]);
}

/** Runs `code` without touching the session's state (as the lab's sweeps do). */
export function runCode(
  session: Session,
  code: string,
  params: Record<string, ParamValue> = {},
): Promise<RunReport> {
  return session.runState({ v: 1, demo: 'scratch', code, params });
}

/** Runs `code` as the session's current run, so `session.running` and `session.stop()` see it. */
export function startCode(
  session: Session,
  code: string,
  params: Record<string, ParamValue> = {},
): Promise<RunReport> {
  // A whole state: nothing of an earlier figure's (a step-mode schedule) carries over.
  session.load({ v: 1, demo: 'scratch', code, params });
  return session.run();
}

/** Fails a figure's measurement loudly when a run did not end as it must. */
export function expectOutcome(report: RunReport, outcome: RunReport['outcome']): RunReport {
  if (report.outcome !== outcome) {
    const detail = report.threads.find((t) => t.error)?.error?.message ?? '';
    throw new Error(`expected outcome ${outcome}, got ${report.outcome} ${detail}`.trim());
  }
  return report;
}

function echoWorker(): Worker {
  return new Worker(new URL('./echo.worker.ts', import.meta.url), {
    type: 'module',
    name: 'bench-echo',
  });
}

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (e) => resolve(e.data), { once: true });
    worker.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
  });
}

/** Starting one fresh module worker until its first message (median of `times`). */
export async function freshWorkerMs(times = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const worker = echoWorker();
    await nextMessage(worker);
    samples.push(performance.now() - start);
    worker.terminate();
  }
  return median(samples);
}

/** A bare postMessage round trip to one warm worker (median of `times`). */
export async function postMessageRoundTripMs(times = 200): Promise<number> {
  const worker = echoWorker();
  await nextMessage(worker);
  const samples: number[] = [];
  for (let i = 0; i < times + 20; i++) {
    const start = performance.now();
    const reply = nextMessage(worker);
    worker.postMessage(i);
    await reply;
    if (i >= 20) samples.push(performance.now() - start);
  }
  worker.terminate();
  return median(samples);
}

/** Resolves once `ready()` holds, checking every few milliseconds (never blocking the page). */
export async function until(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!ready()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
