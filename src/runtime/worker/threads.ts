import { Blocking, BlockOp, ThreadField, ThreadStatus, WakeResult } from '../../sync';
import { FutureState } from '../control';
import type { ThreadEnv } from './thread-env';
import { StepOp } from '../step/board';

let created = 0;

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
    this.name = `Thread-${++created}`;
  }

  /** Starts the thread; an error if it was already started. */
  start(): void {
    if (this.id >= 0)
      throw new Error(`${this.name} was already started: a thread can only be started once.`);
    const fn = this.env.exportNameOf(this.target, 'new Thread(target)');
    this.env.schedulePoint(StepOp.spawn);
    this.id = this.env.spawn({
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
      fn: '__timer',
      args: [this.delayMs, this.fnName, this.args, this.future],
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

/** The body of a timer thread: waits out the delay on its future word, then runs unless cancelled. */
export function runTimer(
  env: ThreadEnv,
  delayMs: number,
  fnName: string,
  args: unknown[],
  future: number,
): void {
  const i32 = env.control.i32;
  const word = env.control.futureWord(future);
  if (env.stepper) {
    // Step mode: the delay is a timed wait on the virtual clock that cancel() can end early.
    const end = env.stepper.clockMs() + delayMs;
    while (Atomics.load(i32, word) === FutureState.Pending && env.stepper.clockMs() < end)
      env.stepper.park(-1, BlockOp.Wait, word, FutureState.Pending, end, StepOp.sleep);
  }
  const deadline = performance.now() + delayMs;
  env.gil?.release();
  for (
    let left = delayMs;
    left > 0 && !env.stepper && Atomics.load(i32, word) === FutureState.Pending;
    left = deadline - performance.now()
  ) {
    Atomics.wait(i32, word, FutureState.Pending, left);
  }
  env.gil?.acquire();
  if (
    Atomics.compareExchange(i32, word, FutureState.Pending, FutureState.Running) !==
    FutureState.Pending
  )
    return;
  const fn = env.exports[fnName];
  if (typeof fn === 'function') fn(...args);
  Atomics.store(i32, word, FutureState.Done);
}
