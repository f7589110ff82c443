import { describe, expect, it } from 'vitest';
import { BlockOp, Heap, Queue, Semaphore, setContext, ThreadField, ThreadStatus } from '../sync';
import { ControlWord, Control, runtimeBytesFor } from './control';
import { readSnapshot, verdictOf, Watchdog } from './watchdog';

type Snapshot = Parameters<Watchdog['observe']>[0];

const deadlocked = (epochs: number[]): Snapshot => ({
  threads: [
    { id: 0, alive: true, blockedOn: 1, op: BlockOp.Acquire, timed: false },
    { id: 1, alive: true, blockedOn: 0, op: BlockOp.Acquire, timed: false },
  ],
  holders: new Map([
    [0, [0]],
    [1, [1]],
  ]),
  epochs,
});

describe('Watchdog', () => {
  it('reports a cycle only once two reads some time apart agree', () => {
    const dog = new Watchdog(40);
    expect(dog.observe(deadlocked([1, 1]), 0)).toBeNull();
    expect(dog.observe(deadlocked([1, 1]), 20)).toBeNull();
    const verdict = dog.observe(deadlocked([1, 1]), 45);
    expect(verdict?.kind).toBe('deadlock');
  });

  it('starts over when a thread blocked anew between reads', () => {
    const dog = new Watchdog(40);
    dog.observe(deadlocked([1, 1]), 0);
    expect(dog.observe(deadlocked([1, 2]), 50)).toBeNull();
    expect(dog.observe(deadlocked([1, 2]), 100)?.kind).toBe('deadlock');
  });

  it('reports every live thread blocked with no cycle as stuck', () => {
    const dog = new Watchdog(10, 10);
    const stuck: Snapshot = {
      threads: [
        { id: 0, alive: true, blockedOn: 3, op: BlockOp.Wait, timed: false },
        { id: 1, alive: false, blockedOn: -1, op: BlockOp.Acquire, timed: false },
      ],
      holders: new Map(),
      epochs: [5, 0],
    };
    dog.observe(stuck, 0);
    expect(dog.observe(stuck, 20)).toMatchObject({ kind: 'stuck' });
  });

  it('never reports timed waits', () => {
    const dog = new Watchdog(0);
    const timed = deadlocked([1, 1]);
    timed.threads = timed.threads.map((t) => ({ ...t, timed: true }));
    dog.observe(timed, 0);
    expect(dog.observe(timed, 100)).toBeNull();
  });
});

describe('readSnapshot', () => {
  it('treats a thread whose wait word already changed as woken, where every change wakes every sleeper', () => {
    const heap = Heap.create({
      bytes: 4 << 20,
      maxThreads: 4,
      maxObjects: 8,
      runtimeBytes: runtimeBytesFor(4),
    });
    const control = new Control(heap);
    const queue = new Queue(heap, 1, { name: 'q' });
    control.store(ControlWord.nextThread, 1);
    const i32 = heap.i32;
    i32[heap.threadWord(0, ThreadField.status)] = ThreadStatus.Running;
    i32[heap.threadWord(0, ThreadField.blockedOn)] = queue.id + 1;
    i32[heap.threadWord(0, ThreadField.blockedOp)] = BlockOp.Wait;
    const word = heap.threadWord(1, ThreadField.runtime);
    i32[heap.threadWord(0, ThreadField.waitIndex)] = word;
    i32[heap.threadWord(0, ThreadField.waitValue)] = 7;
    i32[word] = 7;
    expect(readSnapshot(heap, control).threads[0]?.blockedOn).toBe(queue.id);
    i32[word] = 8;
    expect(readSnapshot(heap, control).threads[0]?.blockedOn).toBe(-1);
    // A queue wakes one getter per put: another getter's changed word does not mean it woke.
    i32[heap.threadWord(0, ThreadField.blockedOp)] = BlockOp.Get;
    expect(readSnapshot(heap, control).threads[0]?.blockedOn).toBe(queue.id);
  });

  it('names who holds the permits of a semaphore, so a cycle through semaphores is a deadlock', () => {
    const heap = Heap.create({
      bytes: 4 << 20,
      maxThreads: 4,
      maxObjects: 8,
      runtimeBytes: runtimeBytesFor(4),
    });
    const control = new Control(heap);
    const semA = new Semaphore(heap, 1, { name: 'semA' });
    const semB = new Semaphore(heap, 2, { name: 'semB' });
    const take = (thread: number, semaphore: Semaphore) => {
      setContext({ threadId: thread, threadName: `T${thread}`, sink: null, hooks: null });
      expect(semaphore.acquire(0)).toBe(true);
    };
    take(0, semA);
    take(1, semB);
    take(1, semB);
    setContext({ threadId: 0, threadName: 'main', sink: null, hooks: null });
    control.store(ControlWord.nextThread, 3);
    const i32 = heap.i32;
    const block = (thread: number, on: number) => {
      i32[heap.threadWord(thread, ThreadField.blockedOn)] = on + 1;
      i32[heap.threadWord(thread, ThreadField.blockedOp)] = BlockOp.Acquire;
    };
    // Thread 2 lives on (sleeping in a loop, say): only the two semaphores close the cycle.
    for (const thread of [0, 1, 2])
      i32[heap.threadWord(thread, ThreadField.status)] = ThreadStatus.Running;
    block(0, semB.id);
    block(1, semA.id);
    const snapshot = readSnapshot(heap, control);
    expect(snapshot.holders).toEqual(
      new Map([
        [semA.id, [0]],
        [semB.id, [1, 1]],
      ]),
    );
    expect(verdictOf(snapshot)).toEqual({
      kind: 'deadlock',
      cycle: [
        { thread: 0, object: semB.id, op: BlockOp.Acquire, heldBy: 1 },
        { thread: 1, object: semA.id, op: BlockOp.Acquire, heldBy: 0 },
      ],
    });
    // Released by its holder, a permit is no one's any more.
    setContext({ threadId: 1, threadName: 'T1', sink: null, hooks: null });
    semB.release();
    semB.release();
    setContext({ threadId: 0, threadName: 'main', sink: null, hooks: null });
    expect(readSnapshot(heap, control).holders.has(semB.id)).toBe(false);
  });
});
