import { describe, expect, it } from 'vitest';
import { setContext } from './context';
import { QueueFull } from './errors';
import { Heap } from './heap';
import { MAX_ITEM_CHARS } from './item-codec';
import { Queue } from './queue';

describe('Queue items', () => {
  setContext({ threadId: 0, threadName: 'test', sink: null, hooks: null });
  const heap = () => Heap.create({ bytes: 2 << 20, maxThreads: 2, maxObjects: 4 });

  it('rejects an item that cannot fit before looking for room, full queue or not', () => {
    const q = new Queue(heap(), 1, { name: 'q' });
    q.put(1);
    expect(() => q.put('x'.repeat(MAX_ITEM_CHARS + 1), 0)).toThrow(RangeError);
    expect(() => q.put((() => 1) as never, 0)).toThrow(TypeError);
    expect(() => q.put(2, 0)).toThrow(QueueFull);
    expect(q.get()).toBe(1);
  });

  it.each([
    [0],
    [-1.5],
    ['text'],
    ['é✓'],
    [null],
    [true],
    [[1, 'a', { b: null }]],
    [{ nested: { list: [1, 2] } }],
    [undefined],
  ])('round-trips %j', (item) => {
    const q = new Queue(heap(), 2, { name: 'q' });
    q.put(item as never);
    expect(q.get()).toEqual(item);
  });
});
