import {
  Acquirable,
  Barrier,
  Condition,
  Lock,
  Queue,
  RLock,
  Semaphore,
  SharedArray,
} from '../../sync';
import { StepOp } from './board';

/** How a primitive's method shows as a pending operation, and which argument is its timeout. */
export type MethodOp = { op: StepOp; timeoutArg: number };

const BY_NAME: Record<string, MethodOp> = {
  acquire: { op: StepOp.acquire, timeoutArg: 0 },
  release: { op: StepOp.release, timeoutArg: -1 },
  wait: { op: StepOp.wait, timeoutArg: 0 },
  notify: { op: StepOp.notify, timeoutArg: -1 },
  set: { op: StepOp.set, timeoutArg: -1 },
  clear: { op: StepOp.clear, timeoutArg: -1 },
  put: { op: StepOp.put, timeoutArg: 1 },
  get: { op: StepOp.get, timeoutArg: 0 },
  join: { op: StepOp.join, timeoutArg: 0 },
  taskDone: { op: StepOp.notify, timeoutArg: -1 },
  abort: { op: StepOp.notify, timeoutArg: -1 },
  reset: { op: StepOp.notify, timeoutArg: -1 },
  add: { op: StepOp.add, timeoutArg: -1 },
  compareExchange: { op: StepOp.cas, timeoutArg: -1 },
};

/** Query methods of the program model: each reads shared state. */
const QUERIES = new Set(['locked', 'isSet', 'qsize', 'empty', 'full', 'toArray']);

/**
 * Methods that are made of other public methods (`with` = acquire, fn, release): their inner
 * calls are the scheduling points, so wrapping them too would make one call two steps.
 */
const COMPOSITE = new Set<unknown>([
  Acquirable.prototype.hold,
  Acquirable.prototype.with,
  Lock.prototype.tryAcquire,
  RLock.prototype.tryAcquire,
  Semaphore.prototype.tryAcquire,
  Queue.prototype.putNowait,
  Queue.prototype.getNowait,
  Condition.prototype.notifyAll,
  Condition.prototype.waitFor,
]);

/**
 * The pending operation of `method` (named `key`) of class `base`, or null when the method is no
 * scheduling point of its own: a composite, or no method of the program model at all (the
 * primitives' internal helpers run inside other methods, some under an internal mutex, where a
 * thread must never park).
 */
export function methodOpOf(
  base: abstract new (...args: never[]) => object,
  key: string,
  method: unknown,
): MethodOp | null {
  if (COMPOSITE.has(method)) return null;
  const proto: unknown = base.prototype;
  if (proto instanceof SharedArray) {
    if (key === 'get') return { op: StepOp.read, timeoutArg: -1 };
    if (key === 'set') return { op: StepOp.write, timeoutArg: -1 };
  }
  if (proto instanceof Barrier && key === 'wait') return { op: StepOp.barrier, timeoutArg: 0 };
  if (QUERIES.has(key)) return { op: StepOp.read, timeoutArg: -1 };
  return Object.hasOwn(BY_NAME, key) ? (BY_NAME[key] as MethodOp) : null;
}
