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
  SharedObject,
  type Heap,
  attach,
  objectKindName,
} from '../../sync';
import type { ParamValue } from '../contract-types';
import type { ProgramObject } from './facade';
import { adopt, facadeClass, targetFor } from './facade';
import { SURFACES, type SurfaceName } from './program-surface';
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

type Facade = new (...args: unknown[]) => ProgramObject;

// The shared primitives' constructors all take the heap first; a program never sees it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each class's own arguments follow the heap
type Primitive = new (heap: never, ...args: any[]) => SharedObject;

/** Called at the entry of every primitive method: a GIL checkpoint, or a step-mode scheduling point. */
type Constructor = new (...args: never[]) => object;

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

const PRIMITIVES = {
  Lock,
  RLock,
  Semaphore,
  BoundedSemaphore,
  Event,
  Condition,
  Barrier,
  Queue,
  SharedInt,
  SharedFloat,
  SharedArray,
} as const satisfies Partial<Record<SurfaceName, Primitive>>;

/**
 * Every global of the program model (docs/programs.md) for one thread. Programs hold facades
 * (facade.ts): the documented methods of each object and nothing else, so no program can reach
 * the heap, the trace rings or the runtime's words.
 */
export function programGlobals(
  env: ThreadEnv,
  params: Readonly<Record<string, ParamValue>>,
): Record<string, unknown> {
  const hook: MethodHook | null =
    env.gil || env.stepper
      ? ({ op, timeoutArg }, self, args) =>
          env.schedulePoint(op, self.id, timeoutArg < 0 ? undefined : (args[timeoutArg] as number))
      : null;
  const facades = new Map<string, Facade>();
  /** One facade per runtime object, so `cond.lock === lock` holds as it does in Python. */
  const adopted = new WeakMap<object, ProgramObject>();
  const wrap = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = adopted.get(value);
    if (known) return known;
    const name = facadeNameOf(value);
    const Facade = name && facades.get(name);
    if (!Facade) return value;
    const facade = adopt(Facade, value);
    adopted.set(value, facade);
    return facade;
  };
  const define = (name: SurfaceName, construct: (args: unknown[]) => object) => {
    const Facade = facadeClass(name, SURFACES[name], construct, wrap);
    facades.set(name, Facade);
    return Facade;
  };
  const globals: Record<string, unknown> = {};
  // Each primitive class is bound to this thread's heap and hooks; programs see facades of it.
  const bound = new Map<string, Primitive>();
  for (const [name, Type] of Object.entries(PRIMITIVES) as [SurfaceName, Primitive][]) {
    const Bound = bindClass(Type, env.heap, hook) as unknown as Primitive;
    bound.set(name, Bound);
    globals[name] = define(
      name,
      (args) => new (Bound as new (...a: unknown[]) => SharedObject)(...args),
    );
  }
  const Thread = define('Thread', ([target, ...args]) => new ProgramThread(env, target, args));
  const Timer = define(
    'Timer',
    ([delayMs, fn, ...args]) => new ProgramTimer(env, Number(delayMs), fn, args),
  );
  const ThreadPool = define('ThreadPool', ([max]) => new ProgramThreadPool(env, Number(max)));
  const Future = define('Future', () => {
    throw new TypeError('Futures come from ThreadPool.submit(); they cannot be made directly.');
  });
  env.adoptShared = (id) => {
    const Type = bound.get(objectKindName[env.heap.kindOf(id)]);
    return Type ? wrap(attach(Type as unknown as new () => SharedObject, env.heap, id)) : undefined;
  };
  return {
    ...globals,
    BrokenBarrierError,
    QueueEmpty,
    QueueFull,
    CancelledError,
    TimeoutError,
    Thread,
    Timer,
    ThreadPool,
    Future,
    asCompleted: function* (futures: Iterable<unknown>, timeoutMs?: number) {
      const inner = [...futures].map((f) => targetFor(f, 'asCompleted(futures)') as ProgramFuture);
      for (const done of asCompleted(env, inner, timeoutMs)) yield wrap(done);
    },
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

/** Which facade stands for a runtime object. */
function facadeNameOf(value: object): SurfaceName | undefined {
  if (value instanceof SharedObject)
    return objectKindName[value.heap.kindOf(value.id)] as SurfaceName;
  if (value instanceof ProgramThread) return 'Thread';
  if (value instanceof ProgramTimer) return 'Timer';
  if (value instanceof ProgramThreadPool) return 'ThreadPool';
  if (value instanceof ProgramFuture) return 'Future';
  return undefined;
}
