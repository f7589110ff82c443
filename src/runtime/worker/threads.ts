import { Blocking, BlockOp, EventKind, ThreadField, ThreadStatus, WakeResult } from '../../sync';
import { ControlWord, FutureState } from '../control';
import type { ThreadEnv } from './thread-env';
import { StepOp } from '../step/board';

/**
 * A thread of the program (Python's `threading.Thread`): `new Thread(target, ...args)`; set
 * `daemon` or `name` before start(). The target must be an exported function.
 */
export class ProgramThread {
  name: string;
  daemon = false;
  private id = -1;

  constructor(
    private readonly env: ThreadEnv,
    private readonly target: unknown,
    private readonly args: unknown[],
  ) {
    env.exportNameOf(target, 'new Thread(target)');
    this.name = `Thread-${env.nextNameNumber(ControlWord.threadNames)}`;
  }

  /** Starts the thread; an error if it was already started. */
  start(): void {
    if (this.id >= 0)
      throw new Error(`${this.name} was already started: a thread can only be started once.`);
    const fn = this.env.exportNameOf(this.target, 'new Thread(target)');
    this.env.schedulePoint(StepOp.spawn);
    this.id = this.env.spawn({
      target: 'function',
      fn,
      args: this.args,
      role: 'thread',
      name: this.name,
      daemon: this.daemon,
    });
  }

  /** Waits for the thread to end (or `timeoutMs` to pass); returns whether it ended. */
  join(timeoutMs?: number): boolean {
    if (this.id < 0) throw new Error(`${this.name} cannot be joined before it is started.`);
    this.env.schedulePoint(StepOp.join, -1, timeoutMs, this.id);
    return joinThread(this.env, this.id, timeoutMs);
  }

  isAlive(): boolean {
    if (this.id < 0) return false;
    return isRunning(this.env, this.id);
  }

  /** The thread's global id (threadId inside it), or -1 before start(). */
  get ident(): number {
    return this.id;
  }
}

function statusWord(env: ThreadEnv, thread: number): number {
  return env.heap.threadWord(thread, ThreadField.status);
}

function isRunning(env: ThreadEnv, thread: number): boolean {
  const status = Atomics.load(env.heap.i32, statusWord(env, thread));
  return status === ThreadStatus.Starting || status === ThreadStatus.Running;
}

/** Waits on a thread's status word until it ends; published as a Join for the watchdog. */
export function joinThread(env: ThreadEnv, thread: number, timeoutMs?: number): boolean {
  if (thread === env.threadId)
    throw new Error('A thread cannot join itself: it would wait forever.');
  if (!isRunning(env, thread)) return true;
  if (timeoutMs === 0) return false;
  const i32 = env.heap.i32;
  const word = statusWord(env, thread);
  const blocking = new Blocking(env.heap, thread, BlockOp.Join, timeoutMs, thread);
  for (
    let status = Atomics.load(i32, word);
    status === ThreadStatus.Starting || status === ThreadStatus.Running;
    status = Atomics.load(i32, word)
  ) {
    if (!blocking.wait(word, status)) {
      blocking.end(WakeResult.Timeout);
      return false;
    }
  }
  blocking.end(WakeResult.Ok);
  return true;
}

/**
 * Runs `fn(...args)` after `delayMs` in its own thread unless cancel() comes first
 * (Python's `threading.Timer`). Its cancel flag is a future slot.
 */
export class ProgramTimer {
  daemon = false;
  private id = -1;
  private readonly future: number;
  private readonly fnName: string;
  private started = false;

  constructor(
    private readonly env: ThreadEnv,
    private readonly delayMs: number,
    fn: unknown,
    private readonly args: unknown[],
  ) {
    this.fnName = env.exportNameOf(fn, 'new Timer(delayMs, fn)');
    this.future = env.newFuture();
  }

  start(): void {
    if (this.started) throw new Error('A timer can only be started once.');
    this.started = true;
    this.id = this.env.spawn({
      target: 'timer',
      fn: this.fnName,
      args: this.args,
      // When it is due on the run's clock, fixed now: the timer thread may take a while to start,
      // and a delay counted from then would fire late (or after a cancel meant to be too late).
      dueMs: this.env.clockUs() / 1000 + this.delayMs,
      future: this.future,
      role: 'timer',
      name: `Timer-${this.future}`,
      daemon: this.daemon,
    });
  }

  /** Stops the timer if it has not fired yet. */
  cancel(): void {
    Atomics.compareExchange(
      this.env.control.i32,
      this.env.control.futureWord(this.future),
      FutureState.Pending,
      FutureState.Cancelled,
    );
    Atomics.notify(this.env.control.i32, this.env.control.futureWord(this.future));
  }

  join(timeoutMs?: number): boolean {
    return this.id < 0 ? true : joinThread(this.env, this.id, timeoutMs);
  }
}

/**
 * The body of a timer thread: waits on its future word until `dueMs` (the run's clock, in ms),
 * then runs unless cancelled.
 */
export function runTimer(
  env: ThreadEnv,
  dueMs: number,
  fnName: string,
  args: unknown[],
  future: number,
): void {
  const i32 = env.control.i32;
  const word = env.control.futureWord(future);
  if (env.stepper) {
    // Step mode: the delay is a timed wait on the virtual clock that cancel() can end early.
    while (Atomics.load(i32, word) === FutureState.Pending && env.stepper.clockMs() < dueMs)
      env.stepper.park(-1, BlockOp.Wait, word, FutureState.Pending, dueMs, StepOp.sleep);
  }
  const leftMs = () => dueMs - env.clockUs() / 1000;
  // Traced as a sleep: the timeline would otherwise draw the delay as running.
  env.sink.emit(EventKind.SleepBegin, -1, 0, true);
  env.gil?.release();
  for (
    let left = leftMs();
    left > 0 && !env.stepper && Atomics.load(i32, word) === FutureState.Pending;
    left = leftMs()
  ) {
    Atomics.wait(i32, word, FutureState.Pending, left);
  }
  env.gil?.acquire();
  env.sink.emit(EventKind.SleepEnd, -1, 0, true);
  if (
    Atomics.compareExchange(i32, word, FutureState.Pending, FutureState.Running) !==
    FutureState.Pending
  )
    return;
  const fn = env.exports[fnName];
  // Shared objects travel as `{ __shared: id }`: rebuilt here as for a Thread's arguments.
  if (typeof fn === 'function') fn(...(env.reviveShared(args) as unknown[]));
  Atomics.store(i32, word, FutureState.Done);
}
