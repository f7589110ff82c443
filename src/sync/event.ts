import { trace } from './context';
import { Blocking } from './blocking';
import type { Heap } from './heap';
import { BlockOp, EventKind, ObjectKind, WakeResult } from './kinds';
import { SharedObject, type SharedOptions } from './shared-object';

// Event — 8 bytes, on its own 64-byte line
// | word | name       | meaning                                                    |
// | 0    | flag       | 1 set · 0 clear                                             |
// | 1    | generation | incremented by every set(); waiters sleep on it             |
// A waiter returns true once the generation moves past the one it saw, so every thread waiting
// when set() is called returns true even if clear() follows at once (Python's guarantee).
const FLAG = 0;
const GENERATION = 1;

/** A flag threads can wait for (Python's `threading.Event`). */
export class Event extends SharedObject {
  constructor(heap: Heap, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.Event, 8, options)) {
      this.i32[this.base + FLAG] = 0;
      this.i32[this.base + GENERATION] = 0;
    }
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    Atomics.store(this.i32, this.base + FLAG, 1);
    Atomics.add(this.i32, this.base + GENERATION, 1);
    trace(EventKind.Signal, this.id, BlockOp.Set);
    Atomics.notify(this.i32, this.base + GENERATION);
  }

  clear(): void {
    Atomics.store(this.i32, this.base + FLAG, 0);
  }

  isSet(): boolean {
    return Atomics.load(this.i32, this.base + FLAG) === 1;
  }

  /** Waits until the flag is set; returns true, or false if `timeoutMs` passed first. */
  wait(timeoutMs?: number): boolean {
    const i32 = this.i32;
    const generation = Atomics.load(i32, this.base + GENERATION);
    if (Atomics.load(i32, this.base + FLAG) === 1) return true;
    if (timeoutMs === 0) return false;
    const blocking = new Blocking(this.heap, this.id, BlockOp.Wait, timeoutMs);
    for (;;) {
      if (Atomics.load(i32, this.base + GENERATION) !== generation) {
        blocking.end(WakeResult.Ok);
        return true;
      }
      if (!blocking.wait(this.base + GENERATION, generation)) {
        blocking.end(WakeResult.Timeout);
        return this.isSet();
      }
    }
  }
}
