import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  Condition,
  Event,
  Lock,
  Queue,
  QueueEmpty,
  QueueFull,
  RLock,
  Semaphore,
  SharedArray,
  SharedFloat,
  SharedInt,
  type Heap,
} from '../../sync';
import type { ParamValue } from '../contract-types';
import {
  asCompleted,
  CancelledError,
  ProgramFuture,
  ProgramThreadPool,
  TimeoutError,
} from './thread-pool';
import { ProgramThread, ProgramTimer } from './threads';
import type { ThreadEnv } from './thread-env';

type Constructor = new (...args: never[]) => object;

/**
 * The program's view of a primitive class: constructed without the heap argument, and (with the
 * GIL on) every method call is a runtime call where the GIL may change hands.
 */
function bindClass<T extends Constructor>(base: T, heap: Heap, checkpoint: (() => void) | null): T {
  // The subclass forwards arbitrary constructor arguments: their types are the base class's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Bound = class extends (base as unknown as new (...args: any[]) => object) {
    constructor(...args: unknown[]) {
      super(heap, ...args);
    }
  };
  Object.defineProperty(Bound, 'name', { value: base.name });
  if (checkpoint) {
    for (
      let proto = base.prototype as object | null;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (
          key === 'constructor' ||
          !descriptor ||
          typeof descriptor.value !== 'function' ||
          Object.hasOwn(Bound.prototype, key)
        )
          continue;
        const method = descriptor.value as (...a: unknown[]) => unknown;
        Object.defineProperty(Bound.prototype, key, {
          value(this: object, ...a: unknown[]) {
            checkpoint();
            return method.apply(this, a);
          },
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return Bound as unknown as T;
}

/** Every global of the program model (docs/programs.md) for one thread. */
export function programGlobals(
  env: ThreadEnv,
  params: Readonly<Record<string, ParamValue>>,
): Record<string, unknown> {
  const heap = env.heap;
  const checkpoint = env.gil ? () => env.checkpoint() : null;
  const bind = <T extends Constructor>(c: T) => bindClass(c, heap, checkpoint);
  return {
    Lock: bind(Lock),
    RLock: bind(RLock),
    Semaphore: bind(Semaphore),
    BoundedSemaphore: bind(BoundedSemaphore),
    Event: bind(Event),
    Condition: bind(Condition),
    Barrier: bind(Barrier),
    Queue: bind(Queue),
    SharedInt: bind(SharedInt),
    SharedFloat: bind(SharedFloat),
    SharedArray: bind(SharedArray),
    BrokenBarrierError,
    QueueEmpty,
    QueueFull,
    CancelledError,
    TimeoutError,
    Thread: class Thread extends ProgramThread {
      constructor(target: unknown, ...args: unknown[]) {
        super(env, target, args);
      }
    },
    Timer: class Timer extends ProgramTimer {
      constructor(delayMs: number, fn: unknown, ...args: unknown[]) {
        super(env, delayMs, fn, args);
      }
    },
    ThreadPool: class ThreadPool extends ProgramThreadPool {
      constructor(maxWorkers: number) {
        super(env, maxWorkers);
      }
    },
    Future: ProgramFuture,
    asCompleted: (futures: Iterable<ProgramFuture>, timeoutMs?: number) =>
      asCompleted(env, futures, timeoutMs),
    sleep: (ms: number) => env.sleep(ms),
    work: (ms: number) => env.work(ms),
    print: (...args: unknown[]) => env.print(args),
    input: (prompt?: unknown) => env.input(prompt),
    random: () => env.random(),
    threadId: env.threadId,
    threadName: env.threadName,
    local: {},
    params,
  };
}
