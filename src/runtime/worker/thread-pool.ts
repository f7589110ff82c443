import { Blocking, BlockOp, nowMs, ObjectKind, Queue, WakeResult } from '../../sync';
import { ControlWord, FutureState } from '../control';
import { FutureRowField } from '../control-layout';
import { messageOf } from '../thrown-value';
import { joinThread } from './threads';
import type { ThreadEnv } from './thread-env';
import { StepOp } from '../step/board';

// A thread pool (Python's concurrent.futures.ThreadPoolExecutor) built from the program's own
// kinds of parts: worker threads started on demand, a shared Queue of task texts, and future
// slots in the runtime area (state word + result text). A worker thread runs runPoolWorker.

/** Sentinel task: a pool worker that gets it exits. */
const SHUTDOWN = -1;

/** A future's outcome text: `{ v }` for a value, `{ e, name }` for an exception. */
type Outcome = { v?: unknown; e?: string; name?: string };

export class CancelledError extends Error {
  override name = 'CancelledError';
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** The pending result of a task submitted to a ThreadPool. */
export class ProgramFuture {
  constructor(
    private readonly env: ThreadEnv,
    readonly id: number,
    /** The pool's object id: what a thread waiting for the result is shown waiting for. */
    readonly poolObject: number,
  ) {}

  private get word(): number {
    return this.env.control.futureWord(this.id);
  }

  private get state(): number {
    return Atomics.load(this.env.control.i32, this.word);
  }

  /** Whether the task finished (or failed, or was cancelled). */
  done(): boolean {
    return this.state >= FutureState.Done;
  }

  /** Cancels the task if it has not started; returns whether it was cancelled. */
  cancel(): boolean {
    const i32 = this.env.control.i32;
    const before = Atomics.compareExchange(
      i32,
      this.word,
      FutureState.Pending,
      FutureState.Cancelled,
    );
    if (before === FutureState.Pending) {
      completed(this.env);
      return true;
    }
    return before === FutureState.Cancelled;
  }

  /** Waits for the task and returns its value, or throws its exception (TimeoutError after `timeoutMs`). */
  result(timeoutMs?: number): unknown {
    const outcome = this.wait(timeoutMs);
    if (outcome.e !== undefined) {
      const error = new Error(outcome.e);
      error.name = outcome.name ?? 'Error';
      throw error;
    }
    return outcome.v;
  }

  /** Waits for the task and returns its exception, or null if it succeeded. */
  exception(timeoutMs?: number): Error | null {
    const outcome = this.wait(timeoutMs);
    if (outcome.e === undefined) return null;
    const error = new Error(outcome.e);
    error.name = outcome.name ?? 'Error';
    return error;
  }

  private wait(timeoutMs: number | undefined): Outcome {
    this.env.schedulePoint(StepOp.result, this.poolObject, timeoutMs);
    const i32 = this.env.control.i32;
    const word = this.word;
    if (this.state < FutureState.Done) {
      const blocking = new Blocking(this.env.heap, this.poolObject, BlockOp.Result, timeoutMs);
      for (let s = this.state; s < FutureState.Done; s = this.state) {
        if (!blocking.wait(word, s)) {
          blocking.end(WakeResult.Timeout);
          throw new TimeoutError(`The future did not complete within ${timeoutMs} ms.`);
        }
      }
      blocking.end(WakeResult.Ok);
    }
    if (this.state === FutureState.Cancelled) throw new CancelledError('The task was cancelled.');
    return JSON.parse(
      this.env.control.getText(Atomics.load(i32, word + FutureRowField.result)),
    ) as Outcome;
  }
}

function completed(env: ThreadEnv): void {
  Atomics.add(env.control.i32, env.control.word(ControlWord.completions), 1);
  Atomics.notify(env.control.i32, env.control.word(ControlWord.completions));
}

/** A pool of at most `maxWorkers` threads running submitted tasks. */
export class ProgramThreadPool {
  private readonly tasks: Queue;
  private readonly poolObject: number;
  private readonly workers: number[] = [];
  private readonly name: string;
  private submitted = 0;
  private closed = false;

  constructor(
    private readonly env: ThreadEnv,
    private readonly maxWorkers: number,
  ) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1)
      throw new RangeError(`ThreadPool(maxWorkers) needs a positive integer, got ${maxWorkers}.`);
    this.name = `pool${env.nextNameNumber(ControlWord.poolNames)}`;
    this.tasks = new Queue(env.heap, 0, { name: `${this.name}.tasks` });
    this.poolObject = env.heap.allocate(ObjectKind.Internal, 4, this.name).id;
  }

  /** Schedules `fn(...args)` on a pool thread; returns its Future. */
  submit(fn: unknown, ...args: unknown[]): ProgramFuture {
    this.env.checkpoint();
    if (this.closed) throw new Error('Cannot submit to a ThreadPool after shutdown().');
    const name = this.env.exportNameOf(fn, 'ThreadPool.submit(fn)');
    const future = this.env.newFuture();
    this.tasks.put(this.env.control.putText(JSON.stringify({ fn: name, args, future })));
    this.submitted++;
    if (this.workers.length < this.maxWorkers && this.workers.length < this.submitted) {
      const index = this.workers.length;
      this.workers.push(
        this.env.spawn({
          target: 'pool-worker',
          queue: this.tasks.id,
          role: this.name,
          name: `${this.name}-w${index}`,
          daemon: false,
        }),
      );
    }
    return new ProgramFuture(this.env, future, this.poolObject);
  }

  /** Runs `fn` over `items` on the pool; returns the results in order (Python's `map`). */
  map(fn: unknown, items: Iterable<unknown>): unknown[] {
    return Array.from(items, (item) => this.submit(fn, item)).map((f) => f.result());
  }

  /** Lets the pool threads finish the queued tasks and exit; with `wait`, joins them. */
  shutdown(wait = true): void {
    if (!this.closed) {
      this.closed = true;
      for (let i = 0; i < this.workers.length; i++) this.tasks.put(SHUTDOWN);
    }
    if (wait) for (const thread of this.workers) joinThread(this.env, thread);
  }

  /** `using pool = new ThreadPool(4)` shuts it down at the end of the block. */
  [Symbol.dispose](): void {
    this.shutdown(true);
  }
}

/** Yields futures as they complete, whatever the submission order (Python's `as_completed`). */
export function* asCompleted(
  env: ThreadEnv,
  futures: Iterable<ProgramFuture>,
  timeoutMs?: number,
): Generator<ProgramFuture> {
  const pending = new Set(futures);
  const i32 = env.control.i32;
  const word = env.control.word(ControlWord.completions);
  const deadline = timeoutMs === undefined ? Infinity : nowMs() + timeoutMs;
  while (pending.size > 0) {
    const seen = Atomics.load(i32, word);
    const ready = [...pending].filter((f) => f.done());
    for (const f of ready) {
      pending.delete(f);
      yield f;
    }
    if (ready.length > 0 || pending.size === 0) continue;
    const left = deadline - nowMs();
    if (left <= 0) throw new TimeoutError(`${pending.size} futures did not complete in time.`);
    const first = pending.values().next().value as ProgramFuture;
    const blocking = new Blocking(
      env.heap,
      first.poolObject,
      BlockOp.Result,
      left === Infinity ? undefined : left,
    );
    blocking.wait(word, seen);
    blocking.end(WakeResult.Ok);
  }
}

/** The body of a pool thread: runs tasks from the pool's queue until the shutdown sentinel. */
export function runPoolWorker(env: ThreadEnv, tasks: Queue): void {
  const control = env.control;
  for (;;) {
    const item = tasks.get();
    if (item === SHUTDOWN || typeof item !== 'number') return;
    const task = JSON.parse(control.getText(item)) as {
      fn: string;
      args: unknown[];
      future: number;
    };
    const word = control.futureWord(task.future);
    if (
      Atomics.compareExchange(control.i32, word, FutureState.Pending, FutureState.Running) !==
      FutureState.Pending
    )
      continue;
    // result() callers sleep on this word: wake them to re-wait on Running (see the watchdog).
    Atomics.notify(control.i32, word);
    let outcome: Outcome;
    try {
      const fn = env.exports[task.fn];
      if (typeof fn !== 'function')
        throw new TypeError(`'${task.fn}' is not an exported function.`);
      outcome = { v: fn(...(env.reviveShared(task.args) as unknown[])) };
    } catch (error) {
      const name = errorName(error);
      const message = messageOf(error);
      outcome = name
        ? { e: message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message, name }
        : { e: message };
    }
    Atomics.store(control.i32, word + FutureRowField.result, control.putText(outcomeText(outcome)));
    Atomics.store(
      control.i32,
      word,
      outcome.e === undefined ? FutureState.Done : FutureState.Failed,
    );
    Atomics.notify(control.i32, word);
    completed(env);
  }
}

/** The name of a thrown Error (for the future's exception), if it has a readable one. */
function errorName(error: unknown): string | undefined {
  try {
    return error instanceof Error ? String(error.name) : undefined;
  } catch {
    return undefined;
  }
}

/** The outcome as stored text; a result that cannot travel as JSON becomes the task's error. */
function outcomeText(outcome: Outcome): string {
  try {
    return JSON.stringify(outcome);
  } catch (error) {
    return JSON.stringify({
      e: `The task's result cannot be passed between threads: ${messageOf(error)}`,
    });
  }
}
