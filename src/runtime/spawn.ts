import { ThreadField, ThreadStatus, type Heap } from '../sync';
import { ControlWord, ThreadRowField, type Control } from './control';
import type { ThreadDescriptor } from './run-config';

/** The most threads one run may start (the heap's thread table). */
export const MAX_THREADS = 64;

/**
 * Registers a new thread and queues it for an idle worker; returns its id. Used by the page for a
 * run's first threads and by workers for `Thread.start()` and pools: neither blocks.
 */
export function registerThread(heap: Heap, control: Control, descriptor: ThreadDescriptor): number {
  const i32 = control.i32;
  // The text first: a start that fails (arguments too large to pass) takes no thread id.
  const text = control.putText(JSON.stringify(descriptor));
  const limit = Math.min(MAX_THREADS, heap.maxThreads);
  const next = control.word(ControlWord.nextThread);
  let thread: number;
  do {
    thread = Atomics.load(i32, next);
    if (thread >= limit)
      throw new RangeError(`Too many threads: a run may start at most ${MAX_THREADS}.`);
  } while (Atomics.compareExchange(i32, next, thread, thread + 1) !== thread);
  Atomics.store(i32, control.threadRowWord(thread, ThreadRowField.descriptor), text);
  Atomics.store(i32, heap.threadWord(thread, ThreadField.status), ThreadStatus.Starting);
  if (!descriptor.daemon) Atomics.add(i32, control.word(ControlWord.liveThreads), 1);
  control.pushSpawn(thread);
  return thread;
}

/**
 * The descriptor a thread was registered with. Shared memory may have been scribbled on, so the
 * text is checked before it is trusted: a bad one is an error, never a half-read thread.
 */
export function descriptorOf(control: Control, thread: number): ThreadDescriptor {
  const at = Atomics.load(control.i32, control.threadRowWord(thread, ThreadRowField.descriptor));
  const value: unknown = JSON.parse(control.getText(at));
  if (!isDescriptor(value)) throw new Error(`Thread ${thread}'s descriptor is corrupt.`);
  return value;
}

/** Whether a thread has been registered far enough to be described. */
export function isRegistered(control: Control, thread: number): boolean {
  return Atomics.load(control.i32, control.threadRowWord(thread, ThreadRowField.descriptor)) !== 0;
}

function isDescriptor(v: unknown): v is ThreadDescriptor {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  if (typeof d.role !== 'string' || typeof d.name !== 'string' || typeof d.daemon !== 'boolean')
    return false;
  switch (d.target) {
    case 'function':
      return typeof d.fn === 'string' && Array.isArray(d.args);
    case 'pool-worker':
      return Number.isInteger(d.queue);
    case 'timer':
      return (
        typeof d.fn === 'string' &&
        Array.isArray(d.args) &&
        typeof d.dueMs === 'number' &&
        Number.isInteger(d.future)
      );
    default:
      return false;
  }
}
