import { afterAll, describe, expect, it } from 'vitest';
import { SyncMisuseError } from './errors';
import { Heap } from './heap';
import { MAX_ITEM_CHARS, type Item } from './item-codec';
import { Queue } from './queue';
import { SharedArray, SharedInt } from './shared-values';
import type { ThreadJob } from './testing/protocol';
import { ThreadRunner } from './testing/thread-harness.node';

const threads = new ThreadRunner();
afterAll(() => threads.close());

describe.each([
  { maxsize: 2, producers: 2, consumers: 3 },
  { maxsize: 0, producers: 3, consumers: 2 },
])('Queue($maxsize): $producers producers, $consumers consumers and a joiner', (shape) => {
  it('loses and duplicates nothing, keeps each producer’s order, join() waits for every taskDone()', async () => {
    const perProducer = 1_500;
    const total = shape.producers * perProducer;
    for (let round = 0; round < 6; round++) {
      const heap = Heap.create();
      const queue = new Queue(heap, shape.maxsize);
      const seen = new SharedArray(heap, total);
      const params = {
        queue: queue.id,
        seen: seen.id,
        produced: new SharedInt(heap).id,
        claimed: new SharedInt(heap).id,
        done: new SharedInt(heap).id,
        perProducer,
        total,
      };
      const jobs: ThreadJob[] = [
        ...Array.from({ length: shape.producers }, (_, producer) => ({
          scenario: 'queueProducer',
          params: { ...params, producer },
        })),
        ...Array.from({ length: shape.consumers }, () => ({ scenario: 'queueConsumer', params })),
        { scenario: 'queueJoiner', params },
      ];
      const results = await threads.run(heap, jobs);
      expect(results.pop()).toEqual({ joined: true, doneAtJoin: total });
      expect(results.slice(shape.producers)).toEqual(Array(shape.consumers).fill(0));
      expect(seen.toArray().every((count) => count === 1)).toBe(true);
      expect(queue.empty()).toBe(true);
    }
  });
});

describe('Queue blocking', () => {
  it('put() on a full queue waits until a get() makes room', async () => {
    for (let round = 0; round < 10; round++) {
      const heap = Heap.create();
      const queue = new Queue(heap, 1);
      const params = { queue: queue.id, other: 0 };
      const [, got] = await threads.run(heap, [
        { scenario: 'putIntoFull', params },
        { scenario: 'getFromBlockedPutter', params },
      ]);
      expect(got).toEqual(['a', 'b']);
    }
  });

  it('get() on an empty queue waits until a put()', async () => {
    for (let round = 0; round < 10; round++) {
      const heap = Heap.create();
      const queue = new Queue(heap, 1);
      const params = { queue: queue.id, other: 0 };
      const [got] = await threads.run(heap, [
        { scenario: 'getFromEmpty', params },
        { scenario: 'putForBlockedGetter', params },
      ]);
      expect(got).toBe('x');
    }
  });

  it('timed and non-blocking get/put raise QueueEmpty and QueueFull', async () => {
    const heap = Heap.create();
    const queue = new Queue(heap, 1, { name: 'jobs' });
    const [result] = await threads.run(heap, [
      { scenario: 'queueTimeouts', params: { queue: queue.id, timeoutMs: 20 } },
    ]);
    const empty = { name: 'QueueEmpty', message: "Queue 'jobs' is empty." };
    const full = { name: 'QueueFull', message: "Queue 'jobs' is full." };
    expect(result).toEqual({
      getTimed: empty,
      getNowait: empty,
      putTimed: full,
      putNowait: full,
      got: 1,
    });
  });
});

describe('Queue items and misuse', () => {
  it('strings and JSON values round-trip through another thread', async () => {
    const heap = Heap.create();
    const queue = new Queue(heap);
    const items: Item[] = [
      '',
      'héllo, wörld — ✓ 🧵',
      'x'.repeat(MAX_ITEM_CHARS),
      { id: 7, tags: ['a', 'b'], nested: { ok: true, none: null } },
      [1, 'two', [3]],
      null,
      true,
      false,
      undefined,
      -0.5,
      2 ** 53,
      NaN,
    ];
    for (const item of items) queue.putNowait(item);
    const [got] = await threads.run(heap, [
      { scenario: 'queueEcho', params: { queue: queue.id, count: items.length } },
    ]);
    expect(got).toEqual(items);
  });

  it('an oversized item throws a clear RangeError and leaves the queue usable', () => {
    const heap = Heap.create();
    const queue = new Queue(heap, 0, { name: 'q' });
    expect(() => queue.putNowait('x'.repeat(MAX_ITEM_CHARS + 1))).toThrow(
      new RangeError(
        `Queue 'q'.put: an item of ${MAX_ITEM_CHARS + 1} characters does not fit; items hold at most ${MAX_ITEM_CHARS} characters (as JSON).`,
      ),
    );
    expect(() => queue.put({ big: 'y'.repeat(MAX_ITEM_CHARS) }, 10)).toThrow(RangeError);
    queue.putNowait('fits');
    expect(queue.qsize()).toBe(1);
    expect(queue.getNowait()).toBe('fits');
  });

  it('taskDone() more times than items were put throws', () => {
    const heap = Heap.create();
    const queue = new Queue(heap, 0, { name: 'q' });
    queue.putNowait(1);
    queue.getNowait();
    queue.taskDone();
    expect(() => queue.taskDone()).toThrow(SyncMisuseError);
    expect(() => queue.taskDone()).toThrow(/thread main \(#0\).*Queue 'q'/);
    expect(queue.join(0)).toBe(true);
  });
});
