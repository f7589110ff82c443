import { traceFloat, traceValue } from './context';
import type { Heap } from './heap';
import { EventKind, ObjectKind } from './kinds';
import { checkCount, SharedObject, type SharedOptions } from './shared-object';

// SharedInt — 4 bytes: | 0 | value (int32) |
// SharedFloat — 8 bytes: | 0–1 | value (float64) |
// SharedArray — 4 × n bytes: | 0 … n-1 | values (int32) |
// `.value`, get() and set() are deliberately plain reads and writes: read-modify-write sequences
// built from them race for real. add() and compareExchange() are atomic.
// Each traces one event with its value (EventKind.Read … CasFailed): what was read, what was stored
// (as the array stores it, `v | 0`), or what a failed compareExchange found.

/** A shared 32-bit integer. */
export class SharedInt extends SharedObject {
  constructor(heap: Heap, value = 0, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.SharedInt, 4, options)) this.i32[this.base] = value;
  }

  /** A plain (non-atomic) read or write: `x.value = x.value + 1` can lose updates. */
  get value(): number {
    const v = this.i32[this.base] ?? 0;
    traceValue(EventKind.Read, this.id, 0, v);
    return v;
  }

  set value(v: number) {
    this.i32[this.base] = v;
    traceValue(EventKind.Write, this.id, 0, v | 0);
  }

  /** Atomically adds `delta`; returns the previous value. */
  add(delta: number): number {
    const previous = Atomics.add(this.i32, this.base, delta);
    traceValue(EventKind.Add, this.id, 0, (previous + (delta | 0)) | 0);
    return previous;
  }

  /** Atomically sets `v` if the value is `expected`; returns the previous value. */
  compareExchange(expected: number, v: number): number {
    const previous = Atomics.compareExchange(this.i32, this.base, expected, v);
    traceSwap(this.id, 0, previous, expected | 0, v | 0);
    return previous;
  }
}

/** Traces a compareExchange: what it stored when it swapped, else what it found. */
function traceSwap(id: number, index: number, previous: number, expected: number, v: number): void {
  if (previous === expected) traceValue(EventKind.Cas, id, index, v);
  else traceValue(EventKind.CasFailed, id, index, previous);
}

/** A shared 64-bit float. */
export class SharedFloat extends SharedObject {
  constructor(heap: Heap, value = 0, options?: SharedOptions) {
    super();
    if (this.allocate(heap, ObjectKind.SharedFloat, 8, options))
      this.heap.f64[this.base >> 1] = value;
  }

  get value(): number {
    const v = this.load();
    traceFloat(EventKind.Read, this.id, v);
    return v;
  }

  set value(v: number) {
    this.heap.f64[this.base >> 1] = v;
    traceFloat(EventKind.Write, this.id, +v);
  }

  /** Atomically adds `delta` (a compare-and-swap loop on the float's bits); returns the previous value. */
  add(delta: number): number {
    for (;;) {
      const previous = this.load();
      if (this.swapBits(previous, previous + delta)) {
        traceFloat(EventKind.Add, this.id, previous + delta);
        return previous;
      }
    }
  }

  /** Atomically sets `v` if the value is `expected`; returns the previous value. */
  compareExchange(expected: number, v: number): number {
    for (;;) {
      const previous = this.load();
      if (!Object.is(previous, expected) && previous !== expected) {
        traceFloat(EventKind.CasFailed, this.id, previous);
        return previous;
      }
      if (this.swapBits(previous, v)) {
        traceFloat(EventKind.Cas, this.id, +v);
        return previous;
      }
    }
  }

  /** The plain read, untraced: add() and compareExchange() trace what they did instead. */
  private load(): number {
    return this.heap.f64[this.base >> 1] ?? 0;
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
    const v = this.i32[this.index(i)] ?? 0;
    traceValue(EventKind.Read, this.id, i, v);
    return v;
  }

  /** A plain write. */
  set(i: number, v: number): void {
    this.i32[this.index(i)] = v;
    traceValue(EventKind.Write, this.id, i, v | 0);
  }

  /** Atomically adds `delta` to element i; returns the previous value. */
  add(i: number, delta: number): number {
    const previous = Atomics.add(this.i32, this.index(i), delta);
    traceValue(EventKind.Add, this.id, i, (previous + (delta | 0)) | 0);
    return previous;
  }

  compareExchange(i: number, expected: number, v: number): number {
    const previous = Atomics.compareExchange(this.i32, this.index(i), expected, v);
    traceSwap(this.id, i, previous, expected | 0, v | 0);
    return previous;
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
