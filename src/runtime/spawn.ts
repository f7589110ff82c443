import { ThreadField, ThreadStatus, type Heap } from '../sync';
import { C, type Control } from './control';
import type { ThreadDescriptor } from './run-config';

/** The most threads one run may start (the heap's thread table). */
export const MAX_THREADS = 64;

/**
 * Registers a new thread and queues it for an idle worker; returns its id. Used by the page for a
 * run's first threads and by workers for `Thread.start()` and pools: neither blocks.
 */
export function registerThread(heap: Heap, control: Control, descriptor: ThreadDescriptor): number {
  const i32 = control.i32;
  const thread = Atomics.add(i32, control.word(C.nextThread), 1);
  if (thread >= Math.min(MAX_THREADS, heap.maxThreads)) {
    throw new RangeError(`Too many threads: a run may start at most ${MAX_THREADS}.`);
  }
  Atomics.store(i32, control.threadField(thread, 0), control.putText(JSON.stringify(descriptor)));
  Atomics.store(i32, control.threadField(thread, 2), descriptor.daemon ? 1 : 0);
  Atomics.store(i32, heap.threadWord(thread, ThreadField.status), ThreadStatus.Starting);
  if (!descriptor.daemon) Atomics.add(i32, control.word(C.liveThreads), 1);
  control.pushSpawn(thread);
  return thread;
}

/** The descriptor a thread was registered with. */
export function descriptorOf(control: Control, thread: number): ThreadDescriptor {
  return JSON.parse(
    control.getText(Atomics.load(control.i32, control.threadField(thread, 0))),
  ) as ThreadDescriptor;
}
