import { context, trace } from './context';
import { Blocking } from './blocking';
import { BrokenBarrierError } from './errors';
import { lockInternal, unlockWord } from './futex';
import { ThreadField, type Heap } from './heap';
import { BlockOp, EventKind, ObjectKind, WakeResult } from './kinds';
import { checkCount, SharedObject, type SharedOptions } from './shared-object';

// Barrier — (6 + parties) words, on its own 64-byte line(s)
// | word | name       | meaning                                                        |
// | 0    | mutex      | internal futex word guarding every other word                   |
// | 1    | count      | threads waiting in this generation                              |
// | 2    | generation | trips so far                                                    |
// | 3    | broken     | 1 after abort() or a timeout, until reset()                     |
// | 4    | parties    | constant                                                       |
// | 5    | timeoutMs  | default timeout, -1 for none                                   |
// | 6 …  | waiters    | thread ids of the `count` waiters, in arrival order            |
// Each waiter sleeps on its own thread-table `wake` word. Whoever ends a wait — the last arrival
// (passed), abort(), reset() or a waiter that timed out (broken) — takes the waiter off the list
// and sets its word, under the mutex: a waiter learns how its own wait ended however late it
// wakes. (Shared generation/reset counters cannot tell a waiter released by reset() from one whose
// generation tripped once a new generation has tripped meanwhile: it would return an index.)
const MUTEX = 0;
const COUNT = 1;
const GENERATION = 2;
const BROKEN = 3;
const PARTIES = 4;
const TIMEOUT = 5;
const WAITERS = 6;

/** A waiter's `wake` word: still waiting, released by a trip, or released by a break. */
const Outcome = { waiting: 0, passed: 1, broken: 2 } as const;
type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** A generation barrier (Python's `threading.Barrier`): `parties` threads wait for each other. */
export class Barrier extends SharedObject {
  constructor(heap: Heap, parties: number, options?: SharedOptions & { timeoutMs?: number }) {
    super();
    checkCount('A barrier’s parties', parties, 1);
    if (this.allocate(heap, ObjectKind.Barrier, (WAITERS + parties) * 4, options)) {
      this.i32.fill(0, this.base, this.base + PARTIES);
      this.i32[this.base + PARTIES] = parties;
      this.i32[this.base + TIMEOUT] = options?.timeoutMs ?? -1;
    }
  }

  /**
   * Waits until all parties have called wait(); returns this thread's arrival index
   * (0 … parties-1, each once per generation). Throws BrokenBarrierError if the barrier is
   * aborted, reset or broken while waiting, or if the wait times out (which breaks it for all).
   */
  wait(timeoutMs?: number): number {
    const i32 = this.i32;
    const b = this.base;
    lockInternal(i32, b + MUTEX);
    if (i32[b + BROKEN] === 1) {
      unlockWord(i32, b + MUTEX);
      throw this.brokenError('is broken');
    }
    const index = i32[b + COUNT] ?? 0;
    if (index + 1 === this.parties) {
      this.endWaits(Outcome.passed);
      i32[b + GENERATION] = (i32[b + GENERATION] ?? 0) + 1;
      unlockWord(i32, b + MUTEX);
      trace(EventKind.Signal, this.id, BlockOp.Trip);
      return index;
    }
    const me = context().threadId;
    const wake = this.heap.threadWord(me, ThreadField.wake);
    Atomics.store(i32, wake, Outcome.waiting);
    i32[b + WAITERS + index] = me;
    i32[b + COUNT] = index + 1;
    unlockWord(i32, b + MUTEX);

    const blocking = new Blocking(
      this.heap,
      this.id,
      BlockOp.Barrier,
      timeoutMs ?? this.defaultTimeout,
    );
    while (Atomics.load(i32, wake) === Outcome.waiting && blocking.wait(wake, Outcome.waiting));
    let timedOut = false;
    if (Atomics.load(i32, wake) === Outcome.waiting) {
      // Timed out, unless a trip or a break ended the wait meanwhile: the mutex decides.
      lockInternal(i32, b + MUTEX);
      timedOut = Atomics.load(i32, wake) === Outcome.waiting;
      if (timedOut) {
        i32[b + BROKEN] = 1;
        this.endWaits(Outcome.broken);
      }
      unlockWord(i32, b + MUTEX);
    }
    if (Atomics.load(i32, wake) === Outcome.passed) {
      blocking.end(WakeResult.Ok);
      return index;
    }
    blocking.end(timedOut ? WakeResult.Timeout : WakeResult.Error);
    throw this.brokenError(
      timedOut
        ? 'timed out, which breaks it for every waiter'
        : 'was aborted or reset while this thread waited',
    );
  }

  /** Breaks the barrier: current and future waiters get BrokenBarrierError until reset(). */
  abort(): void {
    lockInternal(this.i32, this.base + MUTEX);
    this.i32[this.base + BROKEN] = 1;
    this.endWaits(Outcome.broken);
    unlockWord(this.i32, this.base + MUTEX);
  }

  /** Returns the barrier to its initial state; threads waiting now get BrokenBarrierError. */
  reset(): void {
    lockInternal(this.i32, this.base + MUTEX);
    this.endWaits(Outcome.broken);
    this.i32[this.base + BROKEN] = 0;
    unlockWord(this.i32, this.base + MUTEX);
  }

  get broken(): boolean {
    return Atomics.load(this.i32, this.base + BROKEN) === 1;
  }

  /** Threads waiting right now. */
  get nWaiting(): number {
    return Atomics.load(this.i32, this.base + COUNT);
  }

  get parties(): number {
    return this.i32[this.base + PARTIES] ?? 1;
  }

  private get defaultTimeout(): number | undefined {
    const t = this.i32[this.base + TIMEOUT] ?? -1;
    return t < 0 ? undefined : t;
  }

  /** Ends the wait of every listed waiter with `outcome` and empties the list (mutex held). */
  private endWaits(outcome: Outcome): void {
    const i32 = this.i32;
    const count = i32[this.base + COUNT] ?? 0;
    for (let k = 0; k < count; k++) {
      const wake = this.heap.threadWord(i32[this.base + WAITERS + k] ?? 0, ThreadField.wake);
      Atomics.store(i32, wake, outcome);
      Atomics.notify(i32, wake);
    }
    i32[this.base + COUNT] = 0;
  }

  private brokenError(what: string): BrokenBarrierError {
    return new BrokenBarrierError(`${this.label('Barrier')} ${what}.`);
  }
}
