import { describe, expect, it } from 'vitest';
import { setContext } from './context';
import { Heap } from './heap';
import { Lock } from './lock';

// acquireAsync is for a thread that must never block (the page): here, Node's main thread.
describe('Lock.acquireAsync', () => {
  setContext({ threadId: 0, threadName: 'test', sink: null, hooks: null });

  it('takes a free lock at once', async () => {
    const lock = new Lock(Heap.create({ bytes: 1 << 20, maxThreads: 2, maxObjects: 4 }), {
      name: 'l',
    });
    expect(await lock.acquireAsync()).toBe(true);
    expect(lock.locked()).toBe(true);
  });

  it('resolves when the holder releases, without blocking the event loop meanwhile', async () => {
    const lock = new Lock(Heap.create({ bytes: 1 << 20, maxThreads: 2, maxObjects: 4 }), {
      name: 'l',
    });
    lock.acquire();
    let settled = false;
    const waiting = lock.acquireAsync().finally(() => (settled = true));
    // The event loop keeps turning while the acquire is pending (a blocking acquire would stop
    // it here and never return); the holder lets go only after a few turns.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    lock.release();
    expect(await waiting).toBe(true);
    expect(lock.locked()).toBe(true);
  });

  it('gives up after its timeout', async () => {
    const lock = new Lock(Heap.create({ bytes: 1 << 20, maxThreads: 2, maxObjects: 4 }), {
      name: 'l',
    });
    lock.acquire();
    expect(await lock.acquireAsync(20)).toBe(false);
  });
});
