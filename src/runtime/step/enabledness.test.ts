import { beforeEach, describe, expect, it } from 'vitest';
import {
  Condition,
  Event,
  Heap,
  Lock,
  Queue,
  RLock,
  Semaphore,
  setContext,
  ThreadField,
  ThreadStatus,
} from '../../sync';
import { Row, StepBoard, StepOp, ThreadState } from './board';
import { Enabledness } from './enabledness';

/** A heap with one of each primitive, some taken by thread 1; thread 0 is the one looked at. */
function world() {
  const heap = Heap.create({ maxThreads: 8 });
  const as = (thread: number) =>
    setContext({ threadId: thread, threadName: `T${thread}`, sink: null, hooks: null });
  as(0);
  const objects = {
    freeLock: new Lock(heap, { name: 'freeLock' }),
    heldLock: new Lock(heap, { name: 'heldLock' }),
    myRLock: new RLock(heap, { name: 'myRLock' }),
    heldRLock: new RLock(heap, { name: 'heldRLock' }),
    emptySem: new Semaphore(heap, 0, { name: 'emptySem' }),
    sem: new Semaphore(heap, 1, { name: 'sem' }),
    emptyQ: new Queue(heap, 0, { name: 'emptyQ' }),
    fullQ: new Queue(heap, 1, { name: 'fullQ' }),
    clearEvent: new Event(heap, { name: 'clearEvent' }),
    setEvent: new Event(heap, { name: 'setEvent' }),
    heldCond: new Condition(heap, undefined, { name: 'heldCond' }),
  };
  objects.myRLock.acquire();
  objects.fullQ.put(1);
  objects.setEvent.set();
  as(1);
  objects.heldLock.acquire();
  objects.heldRLock.acquire();
  objects.heldCond.acquire();
  as(0);
  const status = (thread: number, s: number) =>
    Atomics.store(heap.i32, heap.threadWord(thread, ThreadField.status), s);
  status(0, ThreadStatus.Running);
  status(1, ThreadStatus.Running);
  status(2, ThreadStatus.Done);
  const board = StepBoard.create(8);
  const names = {
    thread: (id: number) => `T${id}`,
    object: (id: number) => heap.objectInfo(id).name,
  };
  return { heap, board, objects, enabledness: new Enabledness(heap, board, names) };
}

type World = ReturnType<typeof world>;
type Obj = keyof World['objects'];

/** Thread 0 parked at `op` on `object` (or joining `joins`). */
function parkAt(
  w: World,
  op: StepOp,
  object?: Obj,
  options: { timed?: boolean; joins?: number } = {},
) {
  w.board.set(0, Row.state, ThreadState.parked);
  w.board.set(0, Row.op, op);
  w.board.set(0, Row.object, object ? w.objects[object].id + 1 : 0);
  w.board.set(0, Row.thread, (options.joins ?? -1) + 1);
  w.board.set(0, Row.timed, options.timed ? 1 : 0);
  return w.enabledness.look(0);
}

describe('enabledness of a pending operation, from the primitives’ real state', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it.each([
    { op: StepOp.acquire, object: 'freeLock', enabled: true },
    { op: StepOp.acquire, object: 'heldLock', reason: 'waits for heldLock, held by T1' },
    { op: StepOp.acquire, object: 'myRLock', enabled: true },
    { op: StepOp.acquire, object: 'heldRLock', reason: 'waits for heldRLock, held by T1' },
    { op: StepOp.acquire, object: 'emptySem', reason: 'waits for a permit of emptySem' },
    { op: StepOp.acquire, object: 'sem', enabled: true },
    { op: StepOp.acquire, object: 'heldCond', reason: 'waits for heldCond.lock, held by T1' },
    { op: StepOp.get, object: 'emptyQ', reason: 'waits for an item in emptyQ' },
    { op: StepOp.get, object: 'fullQ', enabled: true },
    { op: StepOp.put, object: 'fullQ', reason: 'waits for room in fullQ' },
    { op: StepOp.put, object: 'emptyQ', enabled: true },
    { op: StepOp.wait, object: 'clearEvent', reason: 'waits for clearEvent to be set' },
    { op: StepOp.wait, object: 'setEvent', enabled: true },
    { op: StepOp.release, object: 'heldLock', enabled: true },
    { op: StepOp.read, object: 'emptyQ', enabled: true },
  ] as { op: StepOp; object: Obj; enabled?: boolean; reason?: string }[])(
    'op $op on $object: enabled=$enabled $reason',
    ({ op, object, enabled, reason }) => {
      const look = parkAt(w, op, object);
      expect(look.enabled).toBe(enabled === true);
      expect(look.status).toBe(enabled ? 'ready' : 'blocked');
      if (reason) expect(look.blockedReason).toMatch(reason);
    },
  );

  it('a timed acquire of a held lock is enabled: stepping it may time out', () => {
    expect(parkAt(w, StepOp.acquire, 'heldLock', { timed: true }).enabled).toBe(true);
  });

  it('joining a running thread waits for its end; joining an ended one does not', () => {
    expect(parkAt(w, StepOp.join, undefined, { joins: 1 })).toMatchObject({
      enabled: false,
      blockedReason: 'waits for T1 to end',
      wait: { on: 1 },
    });
    expect(parkAt(w, StepOp.join, undefined, { joins: 2 }).enabled).toBe(true);
  });

  it('a sleeping thread is enabled as a time-out until the clock reaches its end', () => {
    w.board.setDeadline(0, 50);
    expect(parkAt(w, StepOp.sleep)).toMatchObject({
      status: 'sleeping',
      enabled: true,
      timeoutAtMs: 50,
    });
    w.board.clockMs = 50;
    expect(parkAt(w, StepOp.sleep).timeoutAtMs).toBeUndefined();
  });

  it('a thread blocked in a wait is enabled once its word changes, or as a time-out when timed', () => {
    // The word it sleeps on: a spare thread-table word, so the test can change it.
    const index = w.heap.threadWord(3, ThreadField.wake);
    w.board.set(0, Row.state, ThreadState.blocked);
    w.board.set(0, Row.op, StepOp.acquire);
    w.board.set(0, Row.object, w.objects.heldLock.id + 1);
    w.board.set(0, Row.waitIndex, index);
    w.board.set(0, Row.waitValue, 0);
    w.board.set(0, Row.timed, 0);
    expect(w.enabledness.look(0)).toMatchObject({
      enabled: false,
      blockedReason: 'waits for heldLock, held by T1',
    });
    w.board.set(0, Row.timed, 1);
    w.board.setDeadline(0, 30);
    expect(w.enabledness.look(0)).toMatchObject({ enabled: true, timeoutAtMs: 30 });
    Atomics.store(w.heap.i32, index, 1);
    expect(w.enabledness.look(0)).toMatchObject({ enabled: true, status: 'ready' });
    expect(w.enabledness.look(0).timeoutAtMs).toBeUndefined();
  });
});
