import { EventKind, ThreadField, ThreadStatus, type Heap } from '../sync';
import { describeCycle, describeStuck } from '../trace/describe';
import { namesOf } from '../trace/names';
import { cyclesOf, waitGraphOf } from '../trace/wait-graph';
import type { Ending } from './build-report';
import { ControlWord, type Control } from './control';
import type { Hang, LiveLog } from './live-log';
import { readSnapshot } from './watchdog';

// What a run's driver reads of its run (shared memory and the log) to decide and explain its
// ending: plain functions, apart from the lifecycle in run-program.ts.

/** Threads registered and not yet ended. */
export function aliveThreads(heap: Heap, control: Control): number {
  let alive = 0;
  const count = Math.min(control.load(ControlWord.nextThread), heap.maxThreads);
  for (let id = 0; id < count; id++) {
    const status = Atomics.load(heap.i32, heap.threadWord(id, ThreadField.status));
    if (status === ThreadStatus.Starting || status === ThreadStatus.Running) alive++;
  }
  return alive;
}

/** Whether a thread of the log ended with an uncaught exception. */
export function anyThreadFailed(heap: Heap, log: LiveLog): boolean {
  return log.threads.some(
    (t) =>
      Atomics.load(heap.i32, heap.threadWord(t.id, ThreadField.status)) === ThreadStatus.Failed,
  );
}

/** The threads' own span: first start to last end, from the trace's clock reads. */
export function threadSpanMs(log: LiveLog): number | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const e of log.events) {
    if (e.timeUs === null) continue;
    if (e.kind === EventKind.ThreadStart) first = Math.min(first, e.timeUs);
    if (e.kind === EventKind.ThreadEnd) last = Math.max(last, e.timeUs);
  }
  return last >= first ? (last - first) / 1000 : undefined;
}

/** The wait-for graph at the moment the run hung, and the sentence that explains it. */
export function hangOf(heap: Heap, control: Control, log: LiveLog, ending: Ending): Hang {
  const graph = waitGraphOf(readSnapshot(heap, control));
  const names = namesOf(log.threads, log.objects);
  const sentence = ending.deadlock
    ? describeCycle(ending.deadlock, names)
    : describeStuck(ending.stuck ?? [], names);
  return { graph, cycles: ending.deadlock ? [ending.deadlock] : cyclesOf(graph), sentence };
}

/** `promise`, or 'stopped' / 'timeout' if `stopped` or the limit comes first. */
export function withinLimit<T>(
  stopped: Promise<void>,
  promise: Promise<T>,
  limitMs: number,
): Promise<T | 'stopped' | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limitMs);
  });
  return Promise.race([promise, stopped.then(() => 'stopped' as const), limit]).finally(() =>
    clearTimeout(timer),
  );
}
