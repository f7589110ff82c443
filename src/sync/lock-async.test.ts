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
    let loopTurns = 0;
    const waiting = lock.acquireAsync();
    // The event loop keeps turning while the acquire is pending; then the holder lets go.
    await new Promise<void>((resolve) => {
      const turn = () => {
        loopTurns++;
        if (loopTurns < 3) setImmediate(turn);
        else resolve();
      };
      turn();
    });
    lock.release();
    expect(await waiting).toBe(true);
    expect(loopTurns).toBe(3);
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
