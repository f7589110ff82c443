import { ControlWord, type Control } from './control';

/** CPython's switch interval: a thread waiting this long for the GIL asks the holder to drop it. */
export const SWITCH_INTERVAL_MS = 5;

/**
 * A simulated global interpreter lock, modelled on CPython's (Python/ceval_gil.h): a waiter
 * sleeps up to the switch interval, then sets a drop request; the holder checks the request at
 * every runtime call, inside work() and at the learner's loop back-edges and function entries,
 * drops the lock, and waits until another thread has taken it (FORCE_SWITCHING) so it cannot grab
 * it straight back.
 *
 * `onWait(true)` is called before every moment the thread spends without the GIL while it wants
 * it (a contended acquire, and the hand-over at a checkpoint), `onWait(false)` once it holds the
 * GIL again: the timeline draws exactly that time as "waiting for the GIL", so no two threads are
 * ever drawn running at once.
 *
 * Words (in the runtime area): owner (thread id + 1, 0 free), drop request, switches (bumped at
 * every hand-over; a dropping holder sleeps on it), waiters.
 */
export class Gil {
  private readonly owner: number;
  private readonly drop: number;
  private readonly switches: number;
  private readonly waiters: number;
  private held = false;

  constructor(
    private readonly control: Control,
    private readonly me: number,
    private readonly onWait: (waiting: boolean) => void,
  ) {
    this.owner = control.word(ControlWord.gilOwner);
    this.drop = control.word(ControlWord.gilDrop);
    this.switches = control.word(ControlWord.gilSwitches);
    this.waiters = control.word(ControlWord.gilWaiters);
  }

  /** Takes the GIL (a no-op if this thread holds it), waiting as long as it takes. */
  acquire(): void {
    if (!this.held) this.take(false);
  }

  /** Lets go of the GIL (before blocking or sleeping). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    Atomics.store(this.control.i32, this.owner, 0);
    Atomics.notify(this.control.i32, this.owner, 1);
  }

  /** Called at every checkpoint: hands the GIL over if a waiter asked for it. */
  checkpoint(): void {
    const i32 = this.control.i32;
    if (!this.held || Atomics.load(i32, this.drop) === 0 || Atomics.load(i32, this.waiters) === 0)
      return;
    const seen = Atomics.load(i32, this.switches);
    // Announced before letting go: the next holder's GilAcquire must come after it.
    this.onWait(true);
    this.release();
    // FORCE_SWITCHING: wait until someone else has taken it before competing again.
    while (Atomics.load(i32, this.switches) === seen && Atomics.load(i32, this.waiters) > 0) {
      Atomics.wait(i32, this.switches, seen, SWITCH_INTERVAL_MS);
    }
    this.take(true);
  }

  /** `announced`: the caller already reported the wait, so the acquisition must be reported too. */
  private take(announced: boolean): void {
    const i32 = this.control.i32;
    let waited = announced;
    if (Atomics.compareExchange(i32, this.owner, 0, this.me + 1) !== 0) {
      if (!waited) this.onWait(true);
      waited = true;
      Atomics.add(i32, this.waiters, 1);
      for (;;) {
        const holder = Atomics.load(i32, this.owner);
        if (holder === 0) {
          if (Atomics.compareExchange(i32, this.owner, 0, this.me + 1) === 0) break;
          continue;
        }
        if (
          Atomics.wait(i32, this.owner, holder, SWITCH_INTERVAL_MS) === 'timed-out' &&
          Atomics.load(i32, this.owner) === holder
        ) {
          Atomics.store(i32, this.drop, 1);
        }
      }
      Atomics.sub(i32, this.waiters, 1);
    }
    Atomics.store(i32, this.drop, 0);
    Atomics.add(i32, this.switches, 1);
    Atomics.notify(i32, this.switches);
    this.held = true;
    if (waited) this.onWait(false);
  }
}
