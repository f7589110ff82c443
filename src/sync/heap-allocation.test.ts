import { describe, expect, it } from 'vitest';
import { Heap } from './heap';
import { ObjectKind } from './kinds';
import { SharedArray } from './shared-values';

const OUT_OF_MEMORY = /Out of shared memory/;

function dynamicHeap(bytes = 1 << 16, maxObjects = 8): Heap {
  const heap = Heap.create({ bytes, maxThreads: 2, maxObjects });
  heap.beginStatic('init');
  heap.endStatic();
  return heap;
}

describe('heap allocation: bounded, and a failure changes nothing', () => {
  it.each([
    ['2^29 − 100 words', (2 ** 29 - 100) * 4],
    ['a billion words', 1e9 * 4],
    ['past 2^32 bytes', 2 ** 33],
    ['not a number', Number.NaN],
    ['infinity', Infinity],
  ])('refuses %s, twice, and the next small object still fits where it should', (_, bytes) => {
    const heap = dynamicHeap();
    const first = heap.allocate(ObjectKind.SharedInt, 4, 'a');
    expect(() => heap.allocate(ObjectKind.SharedArray, bytes, 'huge')).toThrow(OUT_OF_MEMORY);
    expect(() => heap.allocate(ObjectKind.SharedArray, bytes, 'huge')).toThrow(OUT_OF_MEMORY);
    const next = heap.allocate(ObjectKind.SharedInt, 4, 'b');
    expect(next.id).toBe(first.id + 1);
    expect(next.offset).toBe(first.offset + 64);
    expect(heap.objectCount).toBe(2);
  });

  it('a SharedArray after caught failures has its length and fill', () => {
    const heap = dynamicHeap();
    expect(() => new SharedArray(heap, 2 ** 29 - 100)).toThrow(OUT_OF_MEMORY);
    expect(() => new SharedArray(heap, 1e9)).toThrow(OUT_OF_MEMORY);
    const array = new SharedArray(heap, 10, 5);
    expect(array.length).toBe(10);
    expect(array.toArray()).toEqual(Array(10).fill(5));
  });

  it('fills the heap exactly, then refuses without moving the cursor', () => {
    const heap = dynamicHeap(40_960, 256);
    let made = 0;
    for (;;) {
      try {
        heap.allocate(ObjectKind.SharedInt, 4, `x${made}`);
        made++;
      } catch (error) {
        expect(String(error)).toMatch(OUT_OF_MEMORY);
        break;
      }
    }
    expect(made).toBeGreaterThan(0);
    expect(heap.objectCount).toBe(made);
    expect(() => heap.allocate(ObjectKind.SharedInt, 4, 'again')).toThrow(OUT_OF_MEMORY);
    expect(heap.objectCount).toBe(made);
  });

  it('an object-table overflow takes no bytes', () => {
    const heap = dynamicHeap(1 << 16, 2);
    heap.allocate(ObjectKind.SharedInt, 4, 'a');
    heap.allocate(ObjectKind.SharedInt, 4, 'b');
    expect(() => heap.allocate(ObjectKind.SharedInt, 4, 'c')).toThrow(/Too many shared objects/);
    expect(heap.objectCount).toBe(2);
  });

  it('init mode: a failed declaration does not shift the ones after it', () => {
    const heap = Heap.create({ bytes: 1 << 16, maxThreads: 2, maxObjects: 8 });
    heap.beginStatic('init');
    const a = heap.allocate(ObjectKind.Lock, 8, 'a');
    expect(() => heap.allocate(ObjectKind.SharedArray, 2 ** 31, 'huge')).toThrow(OUT_OF_MEMORY);
    const b = heap.allocate(ObjectKind.Lock, 8, 'b');
    heap.endStatic();
    expect(b).toEqual({ id: a.id + 1, offset: a.offset + 64, fresh: true });
  });

  it('a scribbled name length reads as a bounded name, not a runaway loop', () => {
    const heap = dynamicHeap();
    const { id } = heap.allocate(ObjectKind.Lock, 8, 'lock');
    // Find the row's name-length word by its value and scribble on it.
    const info = heap.objectInfo(id);
    const i32 = heap.i32;
    const lengthWord = i32.findIndex((v, i) => v === 4 && i32[i - 4] === info.offset);
    expect(lengthWord).toBeGreaterThan(0);
    i32[lengthWord] = 2 ** 30;
    expect(heap.objectInfo(id).name.length).toBeLessThanOrEqual(64);
  });
});
