import { C, type Control } from './control';

/** CPython's switch interval: a thread waiting this long for the GIL asks the holder to drop it. */
export const SWITCH_INTERVAL_MS = 5;

/**
 * A simulated global interpreter lock, modelled on CPython's (Python/ceval_gil.h): a waiter
 * sleeps up to the switch interval, then sets a drop request; the holder checks the request at
 * every runtime call and inside work(), drops the lock, and waits until another thread has taken
 * it (FORCE_SWITCHING) so it cannot grab it straight back.
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
    this.owner = control.word(C.gilOwner);
    this.drop = control.word(C.gilDrop);
    this.switches = control.word(C.gilSwitches);
    this.waiters = control.word(C.gilWaiters);
  }

  /** Takes the GIL (a no-op if this thread holds it), waiting as long as it takes. */
  acquire(): void {
    if (this.held) return;
    const i32 = this.control.i32;
    if (Atomics.compareExchange(i32, this.owner, 0, this.me + 1) !== 0) {
      this.onWait(true);
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
      this.onWait(false);
    }
    Atomics.store(i32, this.drop, 0);
    Atomics.add(i32, this.switches, 1);
    Atomics.notify(i32, this.switches);
    this.held = true;
  }

  /** Lets go of the GIL (before blocking or sleeping). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    Atomics.store(this.control.i32, this.owner, 0);
    Atomics.notify(this.control.i32, this.owner, 1);
  }

  /** Called at every runtime call and inside work(): hands the GIL over if a waiter asked for it. */
  checkpoint(): void {
    const i32 = this.control.i32;
    if (!this.held || Atomics.load(i32, this.drop) === 0 || Atomics.load(i32, this.waiters) === 0)
      return;
    const seen = Atomics.load(i32, this.switches);
    this.release();
    // FORCE_SWITCHING: wait until someone else has taken it before competing again.
    while (Atomics.load(i32, this.switches) === seen && Atomics.load(i32, this.waiters) > 0) {
      Atomics.wait(i32, this.switches, seen, SWITCH_INTERVAL_MS);
    }
    this.acquire();
  }
}
