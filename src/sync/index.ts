// The primitives a program's threads share. Everything here runs in browser workers and in Node
// worker_threads alike: no DOM, no messages, no timers — Atomics on one SharedArrayBuffer.
import type { Heap } from './heap';
import { ObjectKind } from './kinds';
import { Barrier } from './barrier';
import { Condition } from './condition';
import { Event } from './event';
import { Lock } from './lock';
import { Queue } from './queue';
import { RLock } from './rlock';
import { BoundedSemaphore, Semaphore } from './semaphore';
import { attach, type SharedObject } from './shared-object';
import { SharedArray, SharedFloat, SharedInt } from './shared-values';

export { Heap, ThreadField, SEQ_WORD, type ObjectInfo } from './heap';
export { HeapMismatchError } from './heap-errors';
export * from './kinds';
export * from './errors';
export { setContext, context, type SyncContext, type EventSink, type BlockHooks } from './context';
export { Blocking } from './blocking';
export { nowMs, epochMs, deadlineOf, setClock } from './clock';
export { SharedObject, Acquirable, attach, type SharedOptions } from './shared-object';
export { MAX_ITEM_CHARS, type Item } from './item-codec';
export { UNBOUNDED_CAP } from './queue';
export { permitHoldersOf } from './semaphore';
export {
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
};

const classOf: Record<ObjectKind, (abstract new (...args: never[]) => SharedObject) | null> = {
  [ObjectKind.Lock]: Lock,
  [ObjectKind.RLock]: RLock,
  [ObjectKind.Semaphore]: Semaphore,
  [ObjectKind.BoundedSemaphore]: BoundedSemaphore,
  [ObjectKind.Event]: Event,
  [ObjectKind.Condition]: Condition,
  [ObjectKind.Barrier]: Barrier,
  [ObjectKind.Queue]: Queue,
  [ObjectKind.SharedInt]: SharedInt,
  [ObjectKind.SharedFloat]: SharedFloat,
  [ObjectKind.SharedArray]: SharedArray,
  [ObjectKind.Internal]: null,
};

/** Rebuilds the handle of any shared object from its id, e.g. one passed to another thread. */
export function attachObject(heap: Heap, id: number): SharedObject {
  const type = classOf[heap.kindOf(id)];
  if (!type) throw new TypeError(`Shared object #${id} cannot be handed to a program.`);
  return attach(type, heap, id);
}

/**
 * Marks every lock the dead `thread` still owns as abandoned, waking their waiters with an error
 * instead of leaving them to hang (a robust mutex's EOWNERDEAD). Returns the names abandoned.
 */
export function abandonLocksOf(heap: Heap, thread: number): string[] {
  const abandoned: string[] = [];
  for (const info of heap.objects()) {
    if (info.ownerWord === undefined || heap.i32[info.ownerWord] !== thread + 1) continue;
    const lock =
      info.kind === ObjectKind.Lock ? attach(Lock, heap, info.id) : attach(RLock, heap, info.id);
    lock.abandon(thread);
    abandoned.push(info.name);
  }
  return abandoned;
}
