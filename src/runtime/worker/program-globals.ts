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
import { StepOp } from '../step/board';
import { methodOpOf, type MethodOp } from '../step/method-ops';

type Constructor = new (...args: never[]) => object;

/** Called at the entry of every primitive method: a GIL checkpoint, or a step-mode scheduling point. */
type MethodHook = (op: MethodOp, self: { readonly id: number }, args: unknown[]) => void;

/**
 * The program's view of a primitive class: constructed without the heap argument, and (with the
 * GIL on, or in step mode) every method call — and `.value` get and set — is a runtime call.
 */
function bindClass<T extends Constructor>(base: T, heap: Heap, hook: MethodHook | null): T {
  // The subclass forwards arbitrary constructor arguments: their types are the base class's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Bound = class extends (base as unknown as new (...args: any[]) => object) {
    constructor(...args: unknown[]) {
      super(heap, ...args);
    }
  };
  Object.defineProperty(Bound, 'name', { value: base.name });
  if (hook) {
    for (
      let proto = base.prototype as object | null;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (key === 'constructor' || !descriptor || Object.hasOwn(Bound.prototype, key)) continue;
        if (key === 'value' && descriptor.get && descriptor.set) {
          Object.defineProperty(Bound.prototype, key, valueAccessor(descriptor, hook));
          continue;
        }
        const methodOp = methodOpOf(base, key, descriptor.value);
        if (typeof descriptor.value !== 'function' || !methodOp) continue;
        const method = descriptor.value as (...a: unknown[]) => unknown;
        Object.defineProperty(Bound.prototype, key, {
          value(this: { readonly id: number }, ...a: unknown[]) {
            hook(methodOp, this, a);
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

const READ: MethodOp = { op: StepOp.read, timeoutArg: -1 };
const WRITE: MethodOp = { op: StepOp.write, timeoutArg: -1 };

/** `.value` of a shared number: a plain read or write, each a runtime call. */
function valueAccessor(descriptor: PropertyDescriptor, hook: MethodHook): PropertyDescriptor {
  const get = descriptor.get as () => unknown;
  const set = descriptor.set as (v: unknown) => void;
  return {
    get(this: { readonly id: number }) {
      hook(READ, this, []);
      return get.call(this);
    },
    set(this: { readonly id: number }, v: unknown) {
      hook(WRITE, this, []);
      set.call(this, v);
    },
    configurable: true,
  };
}

/** Every global of the program model (DESIGN.md §2) for one thread. */
export function programGlobals(
  env: ThreadEnv,
  params: Readonly<Record<string, ParamValue>>,
): Record<string, unknown> {
  const heap = env.heap;
  const hook: MethodHook | null =
    env.gil || env.stepper
      ? ({ op, timeoutArg }, self, args) =>
          env.schedulePoint(op, self.id, timeoutArg < 0 ? undefined : (args[timeoutArg] as number))
      : null;
  const bind = <T extends Constructor>(c: T) => bindClass(c, heap, hook);
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
