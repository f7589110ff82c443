import { EventKind, Heap, ThreadField, ThreadStatus, epochMs } from '../sync';
import { TraceRings } from '../trace/ring';
import { C, Control, RunState, runtimeBytesFor } from './control';
import { LiveLog } from './live-log';
import type { SourceError } from './program-source';
import type { ParamValue, RunReport } from './contract-types';
import type { ProgramInfo, RunConfig, ThreadDescriptor } from './run-config';
import { buildReport, type Ending } from './build-report';
import { MAX_THREADS, registerThread } from './spawn';
import { readSnapshot, Watchdog } from './watchdog';
import { describeCycle, describeStuck } from '../trace/describe';
import { namesOf } from '../trace/names';
import { cyclesOf, waitGraphOf } from '../trace/wait-graph';
import type { PoolWorker, WorkerPool } from './web-worker-pool';
import type { StepDriver } from './step/driver';

export type RunOptions = {
  source: string;
  params: Readonly<Record<string, ParamValue>>;
  /** A run still going after this long ends as `timeout`. */
  timeLimitMs?: number;
  /** Per-thread trace ring size (events). */
  traceCapacity?: number;
  /**
   * `full` (default) traces everything the timeline shows; `timing` only what a measurement
   * needs (thread start and end, output), so a sweep times the program, not the tracing.
   */
  trace?: 'full' | 'timing';
  /** Step mode: the driver that grants steps (src/runtime/step); absent for a parallel run. */
  step?: StepDriver;
};

const TICK_MS = 10;
const ALL_EVENTS = ~0;
const TIMING_EVENTS =
  (1 << EventKind.ThreadStart) | (1 << EventKind.ThreadEnd) | (1 << EventKind.Print);
/** How long ending threads get to return their workers before those are replaced. */
const GRACE_MS = 250;

/** A run in progress: its live log for the UI, its report when it ends, and its controls. */
export type ProgramRun = {
  readonly log: LiveLog;
  readonly report: Promise<RunReport>;
  /** Ends the run now (infinite loops included) by terminating its workers. */
  stop(): void;
  /** Answers the thread blocked in `input()`. */
  sendInput(line: string): void;
  /** The thread waiting for input (and its prompt is the last output line), or -1. */
  inputWaiting(): number;
};

/** Starts a program on the pool's workers; never blocks the calling (page) thread. */
export function startRun(pool: WorkerPool, options: RunOptions): ProgramRun {
  const heap = Heap.create({ maxThreads: MAX_THREADS, runtimeBytes: runtimeBytesFor(MAX_THREADS) });
  const control = new Control(heap);
  const rings = TraceRings.create(MAX_THREADS, options.traceCapacity ?? 8192);
  const log = new LiveLog(heap, control, rings);
  let stopRequested: (() => void) | null = null;
  const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
  let stopFlag = false;
  const report = execute(pool, options, heap, control, rings, log, stopped, () => stopFlag);
  return {
    log,
    report,
    stop() {
      stopFlag = true;
      stopRequested?.();
    },
    sendInput(line: string) {
      control.store(C.inputText, control.putText(line));
      Atomics.add(control.i32, control.word(C.inputSeq), 1);
      Atomics.notify(control.i32, control.word(C.inputSeq));
    },
    inputWaiting: () => control.load(C.inputWaiting) - 1,
  };
}

async function execute(
  pool: WorkerPool,
  options: RunOptions,
  heap: Heap,
  control: Control,
  rings: TraceRings,
  log: LiveLog,
  stopped: Promise<void>,
  isStopped: () => boolean,
): Promise<RunReport> {
  const params = options.params;
  // One thread moves at a time in step mode: the GIL would change nothing.
  const gil = params.gil === true && !options.step;
  const config: RunConfig = {
    heap: heap.buffer,
    rings: rings.buffer,
    source: options.source,
    params,
    gil,
    seed: typeof params.seed === 'number' ? params.seed : 1,
    startEpochMs: epochMs(),
    workItersPerMs: await pool.workItersPerMs(),
    traceMask: options.trace === 'timing' ? TIMING_EVENTS : ALL_EVENTS,
  };
  if (options.step) config.step = options.step.board.buffer;
  const lent: PoolWorker[] = pool.take(1);
  const finishEarly = (programError: SourceError, outcome: RunReport['outcome'] = 'error') => {
    pool.give(lent);
    return buildReport(heap, control, log, { outcome, gil, wallMs: 0, programError });
  };
  const first = lent[0] as PoolWorker;
  const prepared = await Promise.race([first.api.prepare(config), stopped.then(() => null)]);
  if (prepared === null) {
    pool.replace(lent);
    return buildReport(heap, control, log, { outcome: 'stopped', gil, wallMs: 0 });
  }
  if (!prepared.ok) return finishEarly(prepared.error);
  let initial: ThreadDescriptor[];
  try {
    initial = initialThreads(prepared.info, params);
  } catch (error) {
    return finishEarly({ message: (error as Error).message });
  }

  config.startEpochMs = epochMs();
  for (const d of initial) registerThread(heap, control, d);
  control.store(C.runState, RunState.Running);
  const serving = new Map<PoolWorker, Promise<void>>();
  const serve = (w: PoolWorker) =>
    serving.set(
      w,
      w.api.serve(config).catch(() => undefined),
    );
  serve(first);
  for (const w of pool.take(Math.min(initial.length, MAX_THREADS) - 1)) {
    lent.push(w);
    serve(w);
  }

  // Threads started by the program (Thread, pools) need workers: lend more on demand.
  const lendMore = () => {
    const alive = aliveThreads(heap, control);
    if (alive > serving.size) {
      for (const w of pool.take(Math.min(alive, MAX_THREADS) - serving.size)) {
        lent.push(w);
        serve(w);
      }
    }
  };
  const watchdog = new Watchdog();
  const limitMs = options.timeLimitMs ?? 60_000;
  let ending: Ending | null = null;
  if (options.step) {
    const driven = await options.step.drive({ heap, control, stopped, isStopped, lendMore });
    ending = driven.ending;
    log.hang = driven.hang;
  }
  while (!ending) {
    await Promise.race([tick(control), stopped]);
    log.drain();
    const nowMs = epochMs() - config.startEpochMs;
    if (isStopped()) ending = { outcome: 'stopped', gil, wallMs: nowMs };
    else if (control.load(C.liveThreads) === 0 && control.pendingSpawns() === 0) {
      ending = { outcome: 'ok', gil, wallMs: wallMsOf(log) ?? nowMs };
    } else if (nowMs > limitMs) ending = { outcome: 'timeout', gil, wallMs: nowMs };
    else {
      const verdict = watchdog.observe(readSnapshot(heap, control), nowMs);
      if (verdict?.kind === 'deadlock')
        ending = { outcome: 'deadlock', gil, wallMs: nowMs, deadlock: verdict.cycle };
      else if (verdict?.kind === 'stuck')
        ending = { outcome: 'stuck', gil, wallMs: nowMs, stuck: verdict.waiting };
      else lendMore();
    }
  }

  if (!options.step && (ending.deadlock || ending.stuck)) log.hang = hangOf(heap, control, log, ending);

  // Let workers whose threads ended return; replace the rest (daemon, blocked, looping threads).
  control.store(C.runState, RunState.Ending);
  Atomics.notify(control.i32, control.word(C.spawnTail));
  const returned = new Set<PoolWorker>();
  const grace = ending.outcome === 'ok' ? GRACE_MS : 0;
  await Promise.race([
    Promise.all([...serving].map(([w, p]) => p.then(() => returned.add(w)))),
    new Promise((resolve) => setTimeout(resolve, grace)),
  ]);
  pool.give(lent.filter((w) => returned.has(w)));
  pool.replace(lent.filter((w) => !returned.has(w)));
  log.drain();

  const failed = log.threads.some(
    (t) =>
      Atomics.load(heap.i32, heap.threadWord(t.id, ThreadField.status)) === ThreadStatus.Failed,
  );
  if (ending.outcome === 'ok' && failed) ending.outcome = 'error';
  if (ending.outcome === 'ok' && prepared.info.hasCheck) {
    ending.check = await runCheck(pool, config);
    if (!ending.check.passed) ending.outcome = 'check-failed';
  }
  return buildReport(heap, control, log, ending);
}

/** The wait-for graph at the moment a run hung, and the sentence that explains it. */
function hangOf(heap: Heap, control: Control, log: LiveLog, ending: Ending): LiveLog['hang'] {
  log.drain();
  const graph = waitGraphOf(readSnapshot(heap, control));
  const names = namesOf(log.threads, log.objects);
  const sentence = ending.deadlock
    ? describeCycle(ending.deadlock, names)
    : describeStuck(ending.stuck ?? [], names);
  return { graph, cycles: ending.deadlock ? [ending.deadlock] : cyclesOf(graph), sentence };
}

/** The threads a run starts with: main (Python form), `threads` copies of thread(id), or the roles. */
function initialThreads(
  info: ProgramInfo,
  params: Readonly<Record<string, ParamValue>>,
): ThreadDescriptor[] {
  if (info.form === 'python')
    return [{ fn: 'main', args: [], role: 'main', name: 'main', daemon: false }];
  if (info.roles) {
    return info.roles.flatMap(({ name, count }) =>
      Array.from({ length: count }, (_, k) => ({
        fn: name,
        args: [k],
        role: name,
        name: `${name}-${k}`,
        daemon: false,
      })),
    );
  }
  const n = typeof params.threads === 'number' ? params.threads : (info.threads ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new RangeError(`threads must be a whole number from 1 to ${MAX_THREADS}, got ${n}.`);
  }
  return Array.from({ length: n }, (_, id) => ({
    fn: 'thread',
    args: [id],
    role: 'thread',
    name: `T${id}`,
    daemon: false,
  }));
}

/** Waits one watchdog tick, or less if the last live thread ends first. */
function tick(control: Control): Promise<unknown> {
  const word = control.word(C.liveThreads);
  const live = Atomics.load(control.i32, word);
  const wait = Atomics.waitAsync(control.i32, word, live, TICK_MS);
  return wait.async ? wait.value : Promise.resolve();
}

function aliveThreads(heap: Heap, control: Control): number {
  let alive = 0;
  const count = Math.min(control.load(C.nextThread), heap.maxThreads);
  for (let id = 0; id < count; id++) {
    const status = Atomics.load(heap.i32, heap.threadWord(id, ThreadField.status));
    if (status === ThreadStatus.Starting || status === ThreadStatus.Running) alive++;
  }
  return alive;
}

/** The threads' own span: first start to last end, from the trace's clock reads. */
function wallMsOf(log: LiveLog): number | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const e of log.events) {
    if (e.timeUs === null) continue;
    if (e.kind === EventKind.ThreadStart) first = Math.min(first, e.timeUs);
    if (e.kind === EventKind.ThreadEnd) last = Math.max(last, e.timeUs);
  }
  return last >= first ? (last - first) / 1000 : undefined;
}

async function runCheck(
  pool: WorkerPool,
  config: RunConfig,
): Promise<{ passed: boolean; message?: string }> {
  const [w] = pool.take(1);
  if (!w) return { passed: false, message: 'no worker to run check()' };
  const limit = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000));
  const result = await Promise.race([w.api.check(config), limit]);
  if (result === null) {
    pool.replace([w]);
    return {
      passed: false,
      message: 'check() did not return within 5 s (does it wait for a lock?)',
    };
  }
  pool.give([w]);
  return result.message === undefined
    ? { passed: result.passed }
    : { passed: result.passed, message: result.message };
}
