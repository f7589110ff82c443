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
  attach,
  objectKindName,
} from '../../sync';
import type { ParamValue } from '../contract-types';
import type { ProgramObject } from './facade';
import { adopt, facadeClass, targetFor, type EntryHook } from './facade';
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

type Facade = new (...args: unknown[]) => ProgramObject;

// The shared primitives' constructors all take the heap first; a program never sees it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each class's own arguments follow the heap
type Primitive = new (heap: never, ...args: any[]) => SharedObject;

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
  const enter: EntryHook | null = env.gil ? () => env.checkpoint() : null;
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
    const Facade = facadeClass(name, SURFACES[name], construct, wrap, enter);
    facades.set(name, Facade);
    return Facade;
  };
  const globals: Record<string, unknown> = {};
  for (const [name, Type] of Object.entries(PRIMITIVES) as [SurfaceName, Primitive][]) {
    globals[name] = define(name, (args) => new Type(env.heap as never, ...args));
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
    const Type: Primitive | undefined =
      PRIMITIVES[objectKindName[env.heap.kindOf(id)] as keyof typeof PRIMITIVES];
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
