// Figures of the runtime's fixed costs: an empty run, deadlock detection, stop until ready.
import type { Session } from '../src/runtime/session';
import { epochNowMs, measure, median, reported, round, type Figure, type Figures } from './figure';
import {
  expectOutcome,
  freshWorkerMs,
  postMessageRoundTripMs,
  runCode,
  startCode,
  until,
} from './harness';
import {
  BUSY_4_THREADS,
  DEADLOCK,
  EMPTY_1_THREAD,
  EMPTY_4_THREADS,
  SHARED_COUNTER_LOOP,
} from './programs';

const FRAME_MS = 1000 / 60;

/** A whole run of an empty 4-thread program, in bare postMessage round trips. */
export async function emptyRun(session: Session): Promise<Figure> {
  expectOutcome(await runCode(session, EMPTY_4_THREADS), 'ok');
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    expectOutcome(await runCode(session, EMPTY_4_THREADS), 'ok');
    samples.push(performance.now() - start);
  }
  const roundTripMs = await postMessageRoundTripMs();
  const runMs = median(samples);
  return reported(runMs / roundTripMs, 'x', {
    baseline: 'bare postMessage round trip to one warm worker',
    runMs: round(runMs, 2),
    baselineUs: round(roundTripMs * 1000, 1),
    samplesMs: samples.map((ms) => round(ms, 2)),
  });
}

/** From the moment a lock-order cycle closes until the run's report (outcome deadlock) resolves. */
export async function deadlockDetection(session: Session): Promise<Figure> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const report = expectOutcome(await runCode(session, DEADLOCK), 'deadlock');
    const arrivedMs = epochNowMs();
    const closedMs = Math.max(Number(report.shared.closedAt0), Number(report.shared.closedAt1));
    samples.push(arrivedMs - closedMs);
  }
  const value = round(median(samples), 1);
  return {
    value,
    unit: 'ms',
    budget: '< 250',
    pass: value < 250,
    vsAnimationFrame: round(value / FRAME_MS, 2),
    samplesMs: samples.map((ms) => round(ms, 1)),
  };
}

/**
 * stop() on four spinning threads until a trivial run has completed on the pool again. The next
 * run is the learner's next Run (`Session.run`, on the runner's pool), not a sweep's timing run:
 * a sweep's runs have a pool of their own, whose start-up is not what Stop leaves behind.
 */
export async function stopToReady(session: Session): Promise<Figure> {
  const samples: number[] = [];
  const stoppedMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const busy = startCode(session, BUSY_4_THREADS);
    await until(() => (session.running?.log.output.length ?? 0) >= 4);
    const start = performance.now();
    session.stop();
    expectOutcome(await busy, 'stopped');
    stoppedMs.push(performance.now() - start);
    expectOutcome(await startCode(session, EMPTY_1_THREAD), 'ok');
    samples.push(performance.now() - start);
  }
  const workerMs = await freshWorkerMs();
  const value = round(median(samples), 1);
  return {
    value,
    unit: 'ms',
    budget: '< 500',
    pass: value < 500,
    baseline: 'one fresh module worker until its first message',
    baselineMs: round(workerMs, 1),
    vsFreshWorker: round(value / workerMs, 2),
    samplesMs: samples.map((ms) => round(ms, 1)),
    stoppedReportMs: stoppedMs.map((ms) => round(ms, 1)),
  };
}

const COUNTER_ITERATIONS = 200_000;

/**
 * What tracing shared reads and writes costs in parallel mode: the same racing counter loop with
 * `params.traceValues` on (the default) and off, alternately; value = untraced loop time / traced
 * loop time (the slower thread's, from inside the program, so run start-up does not dilute it).
 */
export async function sharedValueTracing(session: Session): Promise<Figure> {
  const loopMs = async (traceValues: boolean) => {
    const report = expectOutcome(
      // As the app runs it (Session.runState would trace only timing, values excluded).
      await startCode(session, SHARED_COUNTER_LOOP, {
        iterations: COUNTER_ITERATIONS,
        traceValues,
      }),
      'ok',
    );
    return { ms: Math.max(Number(report.shared.loopMs0), Number(report.shared.loopMs1)), report };
  };
  // One run of each first, to warm the workers up; the traced one's report stands until replaced.
  let traced = await loopMs(true);
  await loopMs(false);
  const ratios: number[] = [];
  const tracedMs: number[] = [];
  const untracedMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    traced = await loopMs(true);
    const untraced = await loopMs(false);
    tracedMs.push(traced.ms);
    untracedMs.push(untraced.ms);
    ratios.push(untraced.ms / traced.ms);
  }
  const perIterationNs = (ms: number) => round((ms * 1e6) / COUNTER_ITERATIONS, 1);
  return reported(median(ratios), 'x', {
    baseline: 'the same loop with params.traceValues: false',
    tracedNsPerIteration: perIterationNs(median(tracedMs)),
    untracedNsPerIteration: perIterationNs(median(untracedMs)),
    iterationsPerThread: COUNTER_ITERATIONS,
    // The rings hold 8192 events per thread and the page drains them per tick: the rest is dropped
    // (and counted), as in any run this dense.
    lastTracedRun: {
      events: traced.report.stats.events,
      dropped: traced.report.stats.droppedEvents,
    },
    samples: ratios.map((r) => round(r)),
  });
}

export async function runtimeFigures(
  session: Session,
  wanted: (name: string) => boolean,
): Promise<Figures> {
  const figures: Figures = {};
  if (wanted('run-empty-4-threads-vs-postmessage'))
    await measure(figures, 'run-empty-4-threads-vs-postmessage', 'x', 'report', () =>
      emptyRun(session),
    );
  if (wanted('deadlock-detection-ms'))
    await measure(figures, 'deadlock-detection-ms', 'ms', '< 250', () =>
      deadlockDetection(session),
    );
  if (wanted('shared-values-traced-vs-untraced'))
    await measure(figures, 'shared-values-traced-vs-untraced', 'x', 'report', () =>
      sharedValueTracing(session),
    );
  if (wanted('stop-to-ready-ms'))
    await measure(figures, 'stop-to-ready-ms', 'ms', '< 500', () => stopToReady(session));
  return figures;
}
