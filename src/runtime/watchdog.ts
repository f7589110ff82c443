import {
  BlockOp,
  ObjectKind,
  permitHoldersOf,
  ThreadField,
  ThreadStatus,
  type Heap,
} from '../sync';
import { cyclesOf, stuckOf, waitGraphOf, type WaitSnapshot } from '../trace/wait-graph';
import type { CycleStep, WaitEdge } from '../trace/types';
import { ControlWord, type Control } from './control';

/** Waits whose word changes wake every sleeper on it (notify all). */
const WAKES_ALL = new Set<number>([BlockOp.Join, BlockOp.Result, BlockOp.Wait, BlockOp.Barrier]);

export type Verdict =
  { kind: 'deadlock'; cycle: CycleStep[] } | { kind: 'stuck'; waiting: WaitEdge[] } | null;

/**
 * Reads who waits for what and who holds what, without blocking (plain loads of shared words).
 * The words of different threads are read at slightly different moments, so a verdict is only
 * trusted once two reads some time apart agree (see {@link Watchdog}).
 */
export function readSnapshot(heap: Heap, control: Control): WaitSnapshot & { epochs: number[] } {
  const i32 = heap.i32;
  const count = Math.min(control.load(ControlWord.nextThread), heap.maxThreads);
  const threads: WaitSnapshot['threads'] = [];
  const epochs: number[] = [];
  for (let id = 0; id < count; id++) {
    const status = Atomics.load(i32, heap.threadWord(id, ThreadField.status));
    // A thread whose wait word already changed has been woken (it may just not have run yet) —
    // for the waits whose every change wakes every sleeper. Queues, locks and semaphores wake
    // one sleeper per change, so there a changed word says nothing about this thread.
    const op = Atomics.load(i32, heap.threadWord(id, ThreadField.blockedOp));
    const waitIndex = Atomics.load(i32, heap.threadWord(id, ThreadField.waitIndex));
    const woken =
      WAKES_ALL.has(op) &&
      isWord(i32, waitIndex) &&
      Atomics.load(i32, waitIndex) !==
        Atomics.load(i32, heap.threadWord(id, ThreadField.waitValue));
    const blockedOn = woken
      ? -1
      : Atomics.load(i32, heap.threadWord(id, ThreadField.blockedOn)) - 1;
    threads.push({
      id,
      alive: status === ThreadStatus.Starting || status === ThreadStatus.Running,
      blockedOn,
      op: (op || BlockOp.Acquire) as BlockOp,
      timed: Atomics.load(i32, heap.threadWord(id, ThreadField.blockedTimed)) === 1,
    });
    epochs.push(Atomics.load(i32, heap.threadWord(id, ThreadField.blockEpoch)));
  }
  const holders = new Map<number, number[]>();
  // Every tick: read the owner words and permit holders only (objects() would decode every name).
  for (let id = 0; id < heap.objectCount; id++) {
    const ownerWord = heap.ownerWordOf(id);
    if (ownerWord === 0) {
      const kind = heap.kindOf(id);
      if (kind !== ObjectKind.Semaphore && kind !== ObjectKind.BoundedSemaphore) continue;
      const permits = permitHoldersOf(heap, id);
      if (permits.length > 0) holders.set(id, permits);
      continue;
    }
    const owner = isWord(i32, ownerWord) ? Atomics.load(i32, ownerWord) - 1 : -1;
    if (owner >= 0) holders.set(id, [owner]);
  }
  return { threads, holders, epochs };
}

/** Whether a word index read from shared memory (which a run may scribble on) can be read. */
function isWord(i32: Int32Array, index: number): boolean {
  return Number.isInteger(index) && index > 0 && index < i32.length;
}

/** The verdict of one snapshot: a cycle of untimed waits, or every live thread blocked. */
export function verdictOf(snapshot: WaitSnapshot): Verdict {
  const cycles = cyclesOf(waitGraphOf(snapshot));
  const cycle = cycles[0];
  if (cycle) return { kind: 'deadlock', cycle };
  const waiting = stuckOf(snapshot);
  return waiting ? { kind: 'stuck', waiting } : null;
}

/**
 * Confirms verdicts over time: a deadlock or a stuck state is reported when two snapshots at
 * least `confirmMs` apart give the same verdict and the threads involved have not blocked anew
 * in between (their block epochs are unchanged), so a transient read is never reported.
 */
export class Watchdog {
  private pending: { key: string; epochs: number[]; atMs: number } | null = null;

  /**
   * A cycle of lock waits is read from owner words, which releasers clear themselves: 40 ms is
   * plenty. "Stuck" depends on sleepers clearing their own words once woken, so it waits longer
   * for a woken thread that a busy machine has not scheduled yet.
   */
  constructor(
    private readonly confirmMs = 40,
    private readonly confirmStuckMs = 200,
  ) {}

  observe(snapshot: WaitSnapshot & { epochs: number[] }, nowMs: number): Verdict {
    const verdict = verdictOf(snapshot);
    if (!verdict) {
      this.pending = null;
      return null;
    }
    const involved =
      verdict.kind === 'deadlock'
        ? verdict.cycle.map((s) => s.thread)
        : verdict.waiting.map((w) => w.thread);
    const epochs = involved.map((t) => snapshot.epochs[t] ?? -1);
    const key = `${verdict.kind}:${JSON.stringify(verdict.kind === 'deadlock' ? verdict.cycle : verdict.waiting)}`;
    const previous = this.pending;
    if (previous && previous.key === key && previous.epochs.join() === epochs.join()) {
      const needed = verdict.kind === 'deadlock' ? this.confirmMs : this.confirmStuckMs;
      return nowMs - previous.atMs >= needed ? verdict : null;
    }
    this.pending = { key, epochs, atMs: nowMs };
    return null;
  }
}
