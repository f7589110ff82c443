import { BlockOp, EventKind, ThreadField, epochMs, type EventSink, type Heap } from '../../sync';
import { registerThread } from '../spawn';
import { ControlWord, type Control } from '../control';
import type { Gil } from '../gil';
import type { RunConfig, ThreadDescriptor } from '../run-config';
import { seededRandom, spin } from './kernel';
import { setTickHandler } from './tick';
import { StepOp } from '../step/board';
import type { Stepper } from '../step/stepper';

/**
 * One running thread's view of the run: the services behind the program's globals (sleep, work,
 * print, input, random, starting threads). Lives in a worker for the duration of one thread.
 */
export class ThreadEnv {
  readonly random: () => number;
  /** The program module's exports, once evaluated (thread targets are found here by name). */
  exports: Record<string, unknown> = {};
  /** The facade of shared object `id` as the program holds it (set with the program's globals). */
  adoptShared: (id: number) => unknown = () => undefined;
  /** Step mode: this thread's side of the scheduler (null in parallel mode). */
  stepper: Stepper | null = null;

  constructor(
    readonly heap: Heap,
    readonly control: Control,
    readonly config: RunConfig,
    readonly threadId: number,
    readonly threadName: string,
    readonly sink: EventSink,
    readonly gil: Gil | null,
  ) {
    this.random = seededRandom(config.seed, threadId);
    // The worker now runs this thread's code: its loops and calls check the GIL here, so pure
    // JavaScript hands it over too.
    setTickHandler(gil ? () => gil.checkpoint() : null);
  }

  /** µs since the run started, on the shared clock. */
  clockUs(): number {
    if (this.stepper) return this.stepper.clockMs() * 1000;
    return (epochMs() - this.config.startEpochMs) * 1000;
  }

  /** Hands the GIL over if a waiter asked: called at every runtime call. */
  checkpoint(): void {
    this.gil?.checkpoint();
  }

  /**
   * Every runtime call: in step mode a scheduling point (`op` on object `object`, -1 for none;
   * `joins` the thread a join waits for), otherwise a GIL checkpoint.
   */
  schedulePoint(op: StepOp, object = -1, timeoutMs?: number, joins = -1): void {
    if (this.stepper) {
      const timed = timeoutMs !== undefined && timeoutMs !== null && Number.isFinite(timeoutMs);
      this.stepper.point(op, object, timed && timeoutMs >= 0, joins);
    } else this.gil?.checkpoint();
  }

  /** Simulated I/O: blocks for `ms` without using the CPU, releasing the GIL meanwhile. */
  sleep(ms: number): void {
    const duration = Math.max(0, Number(ms) || 0);
    if (this.stepper) {
      this.sink.emit(EventKind.SleepBegin, -1, 0, true);
      this.stepper.sleep(duration);
      this.sink.emit(EventKind.SleepEnd, -1, 0, true);
      return;
    }
    this.checkpoint();
    this.sink.emit(EventKind.SleepBegin, -1, 0, true);
    this.gil?.release();
    // Nobody ever notifies this word: the wait is a precise sleep of `duration` ms.
    Atomics.wait(
      this.heap.i32,
      this.heap.threadWord(this.threadId, ThreadField.runtime),
      0,
      duration,
    );
    this.gil?.acquire();
    this.sink.emit(EventKind.SleepEnd, -1, 0, true);
  }

  /** CPU-bound busy work calibrated to take about `ms` on one core; GIL waits do not count. */
  work(ms: number): void {
    if (this.stepper) {
      this.stepper.work(Math.max(0, Number(ms) || 0));
      return;
    }
    const total = Math.max(0, Number(ms) || 0) * this.config.workItersPerMs;
    // Slices of ~0.1 ms keep the GIL's switch interval honest.
    const slice = Math.max(1, Math.floor(this.config.workItersPerMs / 10));
    for (let done = 0; done < total; done += slice) {
      this.checkpoint();
      spin(Math.min(slice, total - done));
    }
  }

  /** Prints a line tagged with this thread and the time. */
  print(args: unknown[]): void {
    this.schedulePoint(StepOp.print);
    const text = args.map(formatValue).join(' ');
    const index = this.control.writeOutput(this.threadId, Math.round(this.clockUs()), text);
    if (index >= 0) this.sink.emit(EventKind.Print, -1, index, true);
  }

  /** Blocks until the learner types a line (the page answers through shared memory). */
  input(prompt: unknown): string {
    this.schedulePoint(StepOp.input);
    const i32 = this.control.i32;
    const waiting = this.control.word(ControlWord.inputWaiting);
    // In step mode the thread parks instead, so the scheduler sees it waiting.
    const wait = (index: number, value: number, ms?: number) =>
      this.stepper
        ? this.stepper.park(-1, BlockOp.Input, index, value, Infinity)
        : Atomics.wait(i32, index, value, ms);
    // Waiting for the console is waiting for the learner too: without the GIL, or a thread
    // holding it while another thread's input is pending would keep that one from returning.
    this.sink.emit(EventKind.InputBegin, -1, 0, true);
    this.gil?.release();
    // One thread at a time may hold the console.
    for (let other = Atomics.compareExchange(i32, waiting, 0, this.threadId + 1); other !== 0;) {
      wait(waiting, other, 50);
      other = Atomics.compareExchange(i32, waiting, 0, this.threadId + 1);
    }
    const seq = this.control.load(ControlWord.inputSeq);
    if (prompt !== undefined && prompt !== '') this.print([prompt]);
    while (this.control.load(ControlWord.inputSeq) === seq)
      wait(this.control.word(ControlWord.inputSeq), seq);
    this.gil?.acquire();
    const line = this.control.getText(this.control.load(ControlWord.inputText));
    Atomics.store(i32, waiting, 0);
    Atomics.notify(i32, waiting);
    this.sink.emit(EventKind.InputEnd, -1, 0, true);
    return line;
  }

  /** Registers a new thread and queues it for an idle worker; returns its id. */
  spawn(descriptor: ThreadDescriptor): number {
    return registerThread(this.heap, this.control, descriptor);
  }

  /**
   * Arguments as the thread receives them: every `{ __shared: id }` (a handle serialised by its
   * toJSON) becomes a handle of the program's own class for that object again.
   */
  reviveShared(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.reviveShared(v));
    if (value === null || typeof value !== 'object') return value;
    const id = (value as { __shared?: unknown }).__shared;
    if (
      Number.isInteger(id) &&
      (id as number) >= 0 &&
      (id as number) < this.heap.objectCount &&
      Object.keys(value).length === 1
    ) {
      const facade = this.adoptShared(id as number);
      if (facade !== undefined) return facade;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.reviveShared(v)]));
  }

  /** The next number of a run-wide name (`Thread-N`, `poolN`), counting from 1. */
  nextNameNumber(counter: typeof ControlWord.threadNames | typeof ControlWord.poolNames): number {
    return Atomics.add(this.control.i32, this.control.word(counter), 1) + 1;
  }

  /** Hands out a new future slot (also used as a timer's cancel flag). */
  newFuture(): number {
    const future = Atomics.add(this.control.i32, this.control.word(ControlWord.futureCount), 1);
    this.control.futureWord(future);
    return future;
  }

  /** The exported name of a thread target; only exported functions can run in other workers. */
  exportNameOf(fn: unknown, what: string): string {
    if (typeof fn !== 'function')
      throw new TypeError(`${what} needs a function, got ${typeof fn}.`);
    for (const [name, value] of Object.entries(this.exports)) if (value === fn) return name;
    const shown = fn.name ? `'${fn.name}'` : 'this function';
    throw new TypeError(
      `${what}: ${shown} is not exported. Every thread loads the program anew and finds its target by name, ` +
        `so write \`export function ${fn.name || 'worker'}(…)\`.`,
    );
  }
}

/** How print shows a value: strings as they are, everything else as readable JSON-ish text. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
