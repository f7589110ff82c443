import {
  attachObject,
  Condition,
  Lock,
  RLock,
  Semaphore,
  type Heap,
  type SharedObject,
} from '../index';
import type { ScenarioParams } from './protocol';

/** Every wait a scenario makes by itself is bounded: a bug fails the run, never hangs it. */
export const PATIENCE_MS = 10_000;

/** What a scenario sees of the thread it runs as. */
export class ThreadContext {
  constructor(
    readonly heap: Heap,
    readonly threadId: number,
    /** Threads in this run. */
    readonly threads: number,
    readonly params: ScenarioParams,
  ) {}

  /** The shared object whose id is `params[key]`, as a handle of class `type` (checked). */
  obj<T extends SharedObject>(type: abstract new (...args: never[]) => T, key: string): T {
    const handle = attachObject(this.heap, this.num(key));
    if (!(handle instanceof type)) throw new TypeError(`params.${key} is not a ${type.name}.`);
    return handle;
  }

  /** The Lock, RLock, Semaphore or Condition whose id is `params[key]`. */
  holdable(key: string): Holdable {
    const handle = attachObject(this.heap, this.num(key));
    if (
      handle instanceof Lock ||
      handle instanceof RLock ||
      handle instanceof Semaphore ||
      handle instanceof Condition
    )
      return handle;
    throw new TypeError(`params.${key} cannot be acquired.`);
  }

  /** The word a thread's row publishes for `field` (ThreadField), read atomically. */
  threadWord(threadId: number, field: number): number {
    return Atomics.load(this.heap.i32, this.heap.threadWord(threadId, field));
  }

  num(key: string): number {
    const value = this.params[key];
    if (typeof value !== 'number') throw new TypeError(`params.${key} must be a number.`);
    return value;
  }

  flag(key: string): boolean {
    return this.params[key] === true;
  }
}

const nap = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps this thread for `ms` (a wait nobody notifies). */
export function sleepMs(ms: number): void {
  Atomics.wait(nap, 0, 0, ms);
}

/** Polls `done` every ~0.2 ms until it holds; throws after `PATIENCE_MS` naming `what`. */
export function waitUntil(what: string, done: () => boolean): void {
  const deadline = performance.now() + PATIENCE_MS;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    sleepMs(0.2);
  }
}

/** Runs `fn` and returns the error it throws as `{ name, message }`, or null if it returns. */
export function caught(fn: () => unknown): { name: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: 'unknown', message: String(error) };
  }
}

/** One program thread's body: returns a JSON-like result for the test to check. */
export type Scenario = (t: ThreadContext) => unknown;

/** Something that can be held: Lock, RLock, Semaphore, Condition. */
export type Holdable = { acquire(timeoutMs?: number): boolean; release(): void };
