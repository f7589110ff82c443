import type { Heap } from './heap';
import { ObjectKind } from './kinds';
import { checkCount, SharedObject, type SharedOptions } from './shared-object';

// SharedInt — 4 bytes: | 0 | value (int32) |
// SharedFloat — 8 bytes: | 0–1 | value (float64) |
// SharedArray — 4 × n bytes: | 0 … n-1 | values (int32) |
// `.value`, get() and set() are deliberately plain reads and writes: read-modify-write sequences
// built from them race for real. add() and compareExchange() are atomic.

/** A shared 32-bit integer. */
export class SharedInt extends SharedObject {
  constructor(heap: Heap, value = 0, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.SharedInt, 4, options)) this.i32[this.base] = value;
  }

  /** A plain (non-atomic) read or write: `x.value = x.value + 1` can lose updates. */
  get value(): number {
    return this.i32[this.base] ?? 0;
  }

  set value(v: number) {
    this.i32[this.base] = v;
  }

  /** Atomically adds `delta`; returns the previous value. */
  add(delta: number): number {
    return Atomics.add(this.i32, this.base, delta);
  }

  /** Atomically sets `v` if the value is `expected`; returns the previous value. */
  compareExchange(expected: number, v: number): number {
    return Atomics.compareExchange(this.i32, this.base, expected, v);
  }
}

/** A shared 64-bit float. */
export class SharedFloat extends SharedObject {
  constructor(heap: Heap, value = 0, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.SharedFloat, 8, options))
      this.heap.f64[this.base >> 1] = value;
  }

  get value(): number {
    return this.heap.f64[this.base >> 1] ?? 0;
  }

  set value(v: number) {
    this.heap.f64[this.base >> 1] = v;
  }

  /** Atomically adds `delta` (a compare-and-swap loop on the float's bits); returns the previous value. */
  add(delta: number): number {
    for (;;) {
      const previous = this.value;
      if (this.swapBits(previous, previous + delta)) return previous;
    }
  }

  /** Atomically sets `v` if the value is `expected`; returns the previous value. */
  compareExchange(expected: number, v: number): number {
    for (;;) {
      const previous = this.value;
      if (!Object.is(previous, expected) && previous !== expected) return previous;
      if (this.swapBits(previous, v)) return previous;
    }
  }

  private swapBits(from: number, to: number): boolean {
    const bits = new BigInt64Array(this.heap.buffer, this.base * 4, 1);
    const scratch = new Float64Array(1);
    const scratchBits = new BigInt64Array(scratch.buffer);
    scratch[0] = from;
    const expected = scratchBits[0] ?? 0n;
    scratch[0] = to;
    return Atomics.compareExchange(bits, 0, expected, scratchBits[0] ?? 0n) === expected;
  }
}

/** A shared array of 32-bit integers. */
export class SharedArray extends SharedObject {
  constructor(heap: Heap, length: number, fill = 0, options?: SharedOptions) {
    super();
    checkCount('A SharedArray’s length', length, 1);
    if (this.allocate(heap, ObjectKind.SharedArray, 4 + length * 4, options)) {
      this.i32[this.base] = length;
      this.i32.fill(fill, this.base + 1, this.base + 1 + length);
    }
  }

  get length(): number {
    return this.i32[this.base] ?? 0;
  }

  /** A plain read. */
  get(i: number): number {
    return this.i32[this.index(i)] ?? 0;
  }

  /** A plain write. */
  set(i: number, v: number): void {
    this.i32[this.index(i)] = v;
  }

  /** Atomically adds `delta` to element i; returns the previous value. */
  add(i: number, delta: number): number {
    return Atomics.add(this.i32, this.index(i), delta);
  }

  compareExchange(i: number, expected: number, v: number): number {
    return Atomics.compareExchange(this.i32, this.index(i), expected, v);
  }

  /** A copy of the values. */
  toArray(): number[] {
    return Array.from(this.i32.subarray(this.base + 1, this.base + 1 + this.length));
  }

  private index(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new RangeError(
        `${this.label('SharedArray')} has no index ${i} (length ${this.length}).`,
      );
    }
    return this.base + 1 + i;
  }
}
