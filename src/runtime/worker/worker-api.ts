import {
  abandonLocksOf,
  attach,
  EventKind,
  Heap,
  Queue,
  SEQ_WORD,
  setClock,
  setContext,
  ThreadField,
  ThreadStatus,
  type EventSink,
} from '../../sync';
import { TraceRings } from '../../trace/ring';
import { ControlWord, Control, RunState, TextTooLargeError, ThreadRowField } from '../control';
import { Gil } from '../gil';
import { descriptorOf } from '../spawn';
import type { SourceError } from '../program-source';
import { sourceErrorOf } from '../thrown-value';
import type { ProgramInfo, RunConfig, ThreadDescriptor } from '../run-config';
import { programGlobals } from './program-globals';
import { calibrate } from './kernel';
import { createNamer, disambiguateNames, evaluateProgram } from './load-module';
import { runPoolWorker } from './thread-pool';
import { ThreadEnv } from './thread-env';
import { runTimer } from './threads';
import { StepBoard, StepOp } from '../step/board';
import { Stepper } from '../step/stepper';
import { HandOff } from '../step/hand-off';

const silent: EventSink = { mask: 0, emit: () => {}, emitThrough: () => {}, emitValue: () => {} };

export type PrepareResult = { ok: true; info: ProgramInfo } | { ok: false; error: SourceError };
export type CheckResult = { passed: boolean; message?: string; error?: SourceError };

/**
 * What a program worker does, as plain methods (exposed over Comlink by program.worker.ts, and
 * callable directly in tests). Control only: progress travels through shared memory.
 */
export const workerApi = {
  /** Answers once the worker has loaded: the pool lends loaded workers first. */
  ready(): true {
    return true;
  },

  /** Measures the busy-work kernel; the pool does it once, on one worker, before any run. */
  calibrate(): number {
    return calibrate();
  },

  /** The init pass: evaluates the top level once, allocating and naming the shared objects. */
  async prepare(config: RunConfig): Promise<PrepareResult> {
    const heap = Heap.attach(config.heap);
    const control = new Control(heap);
    let url = '';
    heap.namer = createNamer({ declarations: config.declarations }, () => url);
    heap.beginStatic('init');
    setContext({ threadId: 0, threadName: 'setup', sink: null, hooks: null });
    const env = new ThreadEnv(heap, control, config, 0, 'setup', silent, null);
    let exports: Record<string, unknown>;
    try {
      // The init pass is not a thread: its top-level prints would be one too many.
      const globals = { ...programGlobals(env, config.params), print: () => {} };
      exports = (await evaluateProgram(config, globals, (u) => (url = u))).exports;
      heap.endStatic();
    } catch (error) {
      return { ok: false, error: sourceErrorOf(error, url) };
    } finally {
      heap.namer = null;
    }
    disambiguateNames(heap);
    return describeExports(exports);
  },

  /** Runs threads from the spawn queue until the run ends. */
  async serve(config: RunConfig): Promise<void> {
    const heap = Heap.attach(config.heap);
    const control = new Control(heap);
    const rings = TraceRings.attach(config.rings);
    const i32 = heap.i32;
    for (;;) {
      const thread = control.takeSpawn();
      if (thread >= 0) {
        await runThread(heap, control, rings, config, thread);
        continue;
      }
      if (control.load(ControlWord.runState) !== RunState.Running) return;
      const tail = control.load(ControlWord.spawnTail);
      if (control.pendingSpawns() > 0) continue;
      Atomics.add(i32, control.word(ControlWord.idleWorkers), 1);
      Atomics.wait(i32, control.word(ControlWord.spawnTail), tail);
      Atomics.sub(i32, control.word(ControlWord.idleWorkers), 1);
    }
  },

  /** Evaluates the program once more, after every thread ended, and calls its check(). */
  async check(config: RunConfig): Promise<CheckResult> {
    const heap = Heap.attach(config.heap);
    const control = new Control(heap);
    setContext({ threadId: 0, threadName: 'check', sink: null, hooks: null });
    const env = new ThreadEnv(heap, control, config, 0, 'check', silent, null);
    let url = '';
    try {
      heap.beginStatic('bind');
      const { exports } = await evaluateProgram(
        config,
        { ...programGlobals(env, config.params), print: () => {} },
        (u) => (url = u),
      );
      heap.endStatic();
      const check = exports.check;
      if (typeof check !== 'function') return { passed: true };
      const verdict: unknown = check();
      if (verdict === true || verdict === undefined) return { passed: true };
      return {
        passed: false,
        message: typeof verdict === 'string' ? verdict : `check() returned ${String(verdict)}`,
      };
    } catch (error) {
      const e = sourceErrorOf(error, url);
      return { passed: false, message: `check() threw ${e.message}`, error: e };
    }
  },
};

export type WorkerApi = typeof workerApi;

function describeExports(exports: Record<string, unknown>): PrepareResult {
  const names = Object.keys(exports);
  const hasCheck = typeof exports.check === 'function';
  if (typeof exports.main === 'function')
    return { ok: true, info: { form: 'python', hasCheck, exports: names } };
  const roles = exports.roles;
  if (roles && typeof roles === 'object') {
    const list = Object.entries(roles as Record<string, unknown>).map(([name, count]) => ({
      name,
      count: Number(count),
    }));
    for (const { name, count } of list) {
      if (typeof exports[name] !== 'function') {
        return {
          ok: false,
          error: {
            message: `roles names '${name}', but the program exports no function '${name}'.`,
          },
        };
      }
      if (!Number.isInteger(count) || count < 0) {
        return {
          ok: false,
          error: {
            message: `roles.${name} must be a whole number of threads, got ${String(count)}.`,
          },
        };
      }
    }
    return { ok: true, info: { form: 'spmd', roles: list, hasCheck, exports: names } };
  }
  if (typeof exports.thread === 'function') {
    const threads = typeof exports.threads === 'number' ? exports.threads : undefined;
    return { ok: true, info: { form: 'spmd', threads, hasCheck, exports: names } };
  }
  return {
    ok: false,
    error: {
      message:
        'The program starts no threads: export a function main(), or thread(id) (with `export const threads = N`), or roles.',
    },
  };
}

async function runThread(
  heap: Heap,
  control: Control,
  rings: TraceRings,
  config: RunConfig,
  thread: number,
): Promise<void> {
  let url = '';
  // Step mode: the thread's first scheduling point comes before it touches shared memory, so
  // starting a worker never races with the thread that is moving.
  const board = config.step ? new StepBoard(config.step) : null;
  const stepper = board
    ? new Stepper(board, thread, () => url, new HandOff(heap, control, board))
    : null;
  stepper?.point(StepOp.start);
  setClock(stepper ? () => stepper.clockMs() : null);
  const i32 = heap.i32;
  const descriptor = descriptorOf(control, thread);
  const statusWord = heap.threadWord(thread, ThreadField.status);
  Atomics.store(i32, statusWord, ThreadStatus.Running);
  // Joiners sleep on this word: wake them so they re-wait on the new value (the watchdog reads a
  // changed wait word as "woken").
  Atomics.notify(i32, statusWord);
  let env: ThreadEnv | null = null;
  const clockUs = () => env?.clockUs() ?? 0;
  const sink = rings.writer(thread, { i32, index: SEQ_WORD }, clockUs, config.traceMask);
  const gil = config.gil
    ? new Gil(control, thread, (waiting) =>
        sink.emit(waiting ? EventKind.GilWait : EventKind.GilAcquire, -1, 0, true),
      )
    : null;
  setContext({
    threadId: thread,
    threadName: descriptor.name,
    sink,
    hooks: stepper
      ? { beforeBlock() {}, afterBlock() {}, park: (...wait) => stepper.park(...wait) }
      : gil
        ? { beforeBlock: () => gil.release(), afterBlock: () => gil.acquire() }
        : null,
  });
  env = new ThreadEnv(heap, control, config, thread, descriptor.name, sink, gil);
  env.stepper = stepper;
  sink.emit(EventKind.ThreadStart, -1, 0, true);
  let failed = false;
  try {
    heap.beginStatic('bind');
    const globals = programGlobals(env, config.params);
    const { exports } = await evaluateProgram(config, globals, (u) => (url = u));
    heap.endStatic();
    env.exports = exports;
    // Start-up (loading, the top level) is not the thread's work: the GIL and "running" begin here.
    gil?.acquire();
    sink.emit(EventKind.ThreadRun, -1, 0, true);
    runTarget(env, descriptor);
  } catch (error) {
    failed = true;
    // Locks first: whatever the thrown value does when read, its waiters must not hang.
    abandonLocksOf(heap, thread);
    recordError(control, thread, sourceErrorOf(error, url));
  } finally {
    stepper?.point(StepOp.end);
    // Ended before letting go of the GIL, so the next holder never overlaps this thread's run.
    sink.emit(EventKind.ThreadEnd, -1, failed ? 1 : 0, true);
    gil?.release();
    Atomics.store(i32, statusWord, failed ? ThreadStatus.Failed : ThreadStatus.Done);
    Atomics.notify(i32, statusWord);
    if (!descriptor.daemon) {
      Atomics.sub(i32, control.word(ControlWord.liveThreads), 1);
      Atomics.notify(i32, control.word(ControlWord.liveThreads));
    }
    setClock(null);
    stepper?.finish();
  }
}

function runTarget(env: ThreadEnv, descriptor: ThreadDescriptor): void {
  if (descriptor.target === 'pool-worker') {
    runPoolWorker(env, attach(Queue, env.heap, descriptor.queue));
    return;
  }
  if (descriptor.target === 'timer') {
    runTimer(env, descriptor.dueMs, descriptor.fn, descriptor.args, descriptor.future);
    return;
  }
  const fn = env.exports[descriptor.fn];
  if (typeof fn !== 'function') {
    throw new TypeError(
      `A thread's target must be an exported function; the program exports no function '${descriptor.fn}'.`,
    );
  }
  fn(...(env.reviveShared(descriptor.args) as unknown[]));
}

/** Stores a thread's error for the report; a message too long for the text arena is cut. */
function recordError(control: Control, thread: number, error: SourceError): void {
  let text: number;
  try {
    text = control.putText(JSON.stringify(error));
  } catch (cause) {
    if (!(cause instanceof TextTooLargeError)) throw cause;
    text = control.putText(JSON.stringify({ ...error, message: error.message.slice(0, 200) }));
  }
  Atomics.store(control.i32, control.threadRowWord(thread, ThreadRowField.error), text);
}
