import { trace } from './context';
import { Blocking } from './blocking';
import { BrokenBarrierError } from './errors';
import { lockInternal, unlockWord } from './futex';
import type { Heap } from './heap';
import { BlockOp, EventKind, ObjectKind, WakeResult } from './kinds';
import { checkCount, SharedObject, type SharedOptions } from './shared-object';

// Barrier — 32 bytes, on its own 64-byte line
// | word | name       | meaning                                                        |
// | 0    | mutex      | internal futex word guarding words 1–4                          |
// | 1    | count      | threads arrived in this generation                              |
// | 2    | generation | incremented when the last party arrives (the barrier trips)     |
// | 3    | broken     | 1 after abort() or a timeout, until reset()                     |
// | 4    | resets     | incremented by reset(): waiters of the old round fail            |
// | 5    | epoch      | incremented by every trip, abort, reset: waiters sleep on it     |
// | 6    | parties    | constant                                                       |
// | 7    | timeoutMs  | default timeout, -1 for none                                   |
// A waiter that sees the generation move on passed; one that sees broken or a reset fails.
const MUTEX = 0;
const COUNT = 1;
const GENERATION = 2;
const BROKEN = 3;
const RESETS = 4;
const EPOCH = 5;
const PARTIES = 6;
const TIMEOUT = 7;

/** A generation barrier (Python's `threading.Barrier`): `parties` threads wait for each other. */
export class Barrier extends SharedObject {
  constructor(heap: Heap, parties: number, options?: SharedOptions & { timeoutMs?: number }) {
    super();
    checkCount('A barrier’s parties', parties, 1);
    if (this.allocate(heap, ObjectKind.Barrier, 32, options)) {
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
    const generation = i32[b + GENERATION] ?? 0;
    const resets = i32[b + RESETS] ?? 0;
    if (index + 1 === this.parties) {
      i32[b + COUNT] = 0;
      i32[b + GENERATION] = generation + 1;
      this.bump();
      unlockWord(i32, b + MUTEX);
      trace(EventKind.Signal, this.id, BlockOp.Trip);
      return index;
    }
    i32[b + COUNT] = index + 1;
    const epoch = i32[b + EPOCH] ?? 0;
    unlockWord(i32, b + MUTEX);

    const limit = timeoutMs ?? this.defaultTimeout;
    const blocking = new Blocking(this.heap, this.id, BlockOp.Barrier, limit);
    for (let seen = epoch; ; seen = Atomics.load(i32, b + EPOCH)) {
      if (Atomics.load(i32, b + GENERATION) !== generation) {
        blocking.end(WakeResult.Ok);
        return index;
      }
      if (Atomics.load(i32, b + BROKEN) === 1 || Atomics.load(i32, b + RESETS) !== resets) {
        blocking.end(WakeResult.Error);
        throw this.brokenError('was aborted or reset while this thread waited');
      }
      if (!blocking.wait(b + EPOCH, seen)) break;
    }
    // Timed out: break the barrier for everyone, unless it tripped meanwhile.
    lockInternal(i32, b + MUTEX);
    const tripped = i32[b + GENERATION] !== generation;
    if (!tripped) {
      i32[b + BROKEN] = 1;
      this.bump();
    }
    unlockWord(i32, b + MUTEX);
    if (tripped) {
      blocking.end(WakeResult.Ok);
      return index;
    }
    blocking.end(WakeResult.Timeout);
    throw this.brokenError('timed out, which breaks it for every waiter');
  }

  /** Breaks the barrier: current and future waiters get BrokenBarrierError until reset(). */
  abort(): void {
    lockInternal(this.i32, this.base + MUTEX);
    this.i32[this.base + BROKEN] = 1;
    this.bump();
    unlockWord(this.i32, this.base + MUTEX);
  }

  /** Returns the barrier to its initial state; threads waiting now get BrokenBarrierError. */
  reset(): void {
    const i32 = this.i32;
    lockInternal(i32, this.base + MUTEX);
    i32[this.base + RESETS] = (i32[this.base + RESETS] ?? 0) + 1;
    i32[this.base + COUNT] = 0;
    i32[this.base + BROKEN] = 0;
    this.bump();
    unlockWord(i32, this.base + MUTEX);
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

  private bump(): void {
    Atomics.add(this.i32, this.base + EPOCH, 1);
    Atomics.notify(this.i32, this.base + EPOCH);
  }

  private brokenError(what: string): BrokenBarrierError {
    return new BrokenBarrierError(`${this.label('Barrier')} ${what}.`);
  }
}
