// The baseline every Lock figure is measured against: the smallest correct futex lock, Drepper,
// "Futexes Are Tricky" (2011), §6 "Mutex, Take 3" — no spinning, no owner word, no tracing, no
// watchdog.
// The word: 0 unlocked · 1 locked, no waiters · 2 locked, maybe waiters.

/** Takes the lock word at `index`, sleeping in Atomics.wait while it is contended. */
export function futexLock(i32: Int32Array, index: number): void {
  let c = Atomics.compareExchange(i32, index, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(i32, index, 2);
  while (c !== 0) {
    Atomics.wait(i32, index, 2);
    c = Atomics.exchange(i32, index, 2);
  }
}

/** Releases the lock word at `index`, waking one sleeper if there may be any. */
export function futexUnlock(i32: Int32Array, index: number): void {
  if (Atomics.sub(i32, index, 1) !== 1) {
    Atomics.store(i32, index, 0);
    Atomics.notify(i32, index, 1);
  }
}
