import { trace } from './context';
import { Blocking } from './blocking';
import { QueueEmpty, QueueFull, SyncMisuseError } from './errors';
import { lockInternal, unlockWord } from './futex';
import type { Heap } from './heap';
import { encodeItem, readItem, SLOT_WORDS, writeItem, type Item } from './item-codec';
import { BlockOp, EventKind, ObjectKind, WakeResult } from './kinds';
import { callerLabel, checkCount, SharedObject, type SharedOptions } from './shared-object';

// Queue — 64 bytes of words, then `capacity` item slots (item-codec.ts)
// | word | name       | meaning                                                     |
// | 0    | mutex      | internal futex word guarding words 1–3 and the slots         |
// | 1    | count      | items in the queue                                           |
// | 2    | head       | slot index of the oldest item                                |
// | 3    | unfinished | items put and not yet taskDone(); join() sleeps on it        |
// | 4    | putSeq     | incremented by every put: getters sleep on it while empty     |
// | 5    | getSeq     | incremented by every get: putters sleep on it while full      |
// | 6    | capacity   | slots (maxsize, or UNBOUNDED_CAP for maxsize 0)               |
// | 7    | maxsize    | as given; 0 = unbounded                                      |
// A sleeper reads its sequence word under the mutex, so a put or get between unlocking and
// sleeping changes the word and Atomics.wait returns at once: no wake-up is lost.
const MUTEX = 0;
const COUNT = 1;
const HEAD = 2;
const UNFINISHED = 3;
const PUT_SEQ = 4;
const GET_SEQ = 5;
const CAPACITY = 6;
const MAXSIZE = 7;
const HEADER_WORDS = 16;

/** The most items an "unbounded" queue (maxsize 0) holds; a put past it waits like a full queue. */
export const UNBOUNDED_CAP = 1024;

/** A FIFO queue of small values with blocking put/get and task tracking (Python's `queue.Queue`). */
export class Queue extends SharedObject {
  constructor(heap: Heap, maxsize = 0, options?: SharedOptions) {
    super();
    checkCount('A queue’s maxsize', maxsize);
    const capacity = maxsize === 0 ? UNBOUNDED_CAP : maxsize;
    if (
      this.allocate(heap, ObjectKind.Queue, (HEADER_WORDS + capacity * SLOT_WORDS) * 4, options)
    ) {
      this.i32.fill(0, this.base, this.base + HEADER_WORDS);
      this.i32[this.base + CAPACITY] = capacity;
      this.i32[this.base + MAXSIZE] = maxsize;
    }
  }

  /** Adds an item, waiting while the queue is full; throws QueueFull if `timeoutMs` passes first. */
  put(item: Item, timeoutMs?: number): void {
    const i32 = this.i32;
    const b = this.base;
    const capacity = i32[b + CAPACITY] ?? 1;
    const encoded = encodeItem(item, () => `${this.label('Queue')}.put`);
    let blocking: Blocking | null = null;
    for (;;) {
      lockInternal(i32, b + MUTEX);
      const count = i32[b + COUNT] ?? 0;
      if (count < capacity) {
        const slot = this.slot(((i32[b + HEAD] ?? 0) + count) % capacity);
        writeItem(this.heap, slot, encoded);
        i32[b + COUNT] = count + 1;
        i32[b + UNFINISHED] = (i32[b + UNFINISHED] ?? 0) + 1;
        Atomics.add(i32, b + PUT_SEQ, 1);
        unlockWord(i32, b + MUTEX);
        Atomics.notify(i32, b + PUT_SEQ, 1);
        blocking?.end(WakeResult.Ok);
        trace(EventKind.Signal, this.id, BlockOp.Put);
        return;
      }
      const seen = Atomics.load(i32, b + GET_SEQ);
      unlockWord(i32, b + MUTEX);
      if (timeoutMs === 0) throw this.fullError();
      blocking ??= new Blocking(this.heap, this.id, BlockOp.Put, timeoutMs);
      if (!blocking.wait(b + GET_SEQ, seen)) {
        blocking.end(WakeResult.Timeout);
        throw this.fullError();
      }
    }
  }

  /** Removes and returns the oldest item, waiting while empty; throws QueueEmpty if `timeoutMs` passes first. */
  get(timeoutMs?: number): Item {
    const i32 = this.i32;
    const b = this.base;
    const capacity = i32[b + CAPACITY] ?? 1;
    let blocking: Blocking | null = null;
    for (;;) {
      lockInternal(i32, b + MUTEX);
      const count = i32[b + COUNT] ?? 0;
      if (count > 0) {
        const head = i32[b + HEAD] ?? 0;
        const item = readItem(this.heap, this.slot(head));
        i32[b + HEAD] = (head + 1) % capacity;
        i32[b + COUNT] = count - 1;
        Atomics.add(i32, b + GET_SEQ, 1);
        unlockWord(i32, b + MUTEX);
        Atomics.notify(i32, b + GET_SEQ, 1);
        blocking?.end(WakeResult.Ok);
        trace(EventKind.Signal, this.id, BlockOp.Get);
        return item;
      }
      const seen = Atomics.load(i32, b + PUT_SEQ);
      unlockWord(i32, b + MUTEX);
      if (timeoutMs === 0) throw this.emptyError();
      blocking ??= new Blocking(this.heap, this.id, BlockOp.Get, timeoutMs);
      if (!blocking.wait(b + PUT_SEQ, seen)) {
        blocking.end(WakeResult.Timeout);
        throw this.emptyError();
      }
    }
  }

  putNowait(item: Item): void {
    this.put(item, 0);
  }

  getNowait(): Item {
    return this.get(0);
  }

  /** Marks one item taken by get() as processed; join() returns when every item is. */
  taskDone(): void {
    const i32 = this.i32;
    const b = this.base;
    lockInternal(i32, b + MUTEX);
    const unfinished = (i32[b + UNFINISHED] ?? 0) - 1;
    if (unfinished < 0) {
      unlockWord(i32, b + MUTEX);
      throw new SyncMisuseError(
        `${callerLabel()} called taskDone() on ${this.label('Queue')} more times than items were put.`,
      );
    }
    Atomics.store(i32, b + UNFINISHED, unfinished);
    unlockWord(i32, b + MUTEX);
    if (unfinished === 0) Atomics.notify(i32, b + UNFINISHED);
  }

  /** Waits until every item put has been marked done with taskDone(). */
  join(timeoutMs?: number): boolean {
    const i32 = this.i32;
    const index = this.base + UNFINISHED;
    let blocking: Blocking | null = null;
    for (let left = Atomics.load(i32, index); left !== 0; left = Atomics.load(i32, index)) {
      blocking ??= new Blocking(this.heap, this.id, BlockOp.Wait, timeoutMs);
      if (!blocking.wait(index, left)) {
        blocking.end(WakeResult.Timeout);
        return false;
      }
    }
    blocking?.end(WakeResult.Ok);
    return true;
  }

  qsize(): number {
    return Atomics.load(this.i32, this.base + COUNT);
  }

  empty(): boolean {
    return this.qsize() === 0;
  }

  full(): boolean {
    const maxsize = this.i32[this.base + MAXSIZE] ?? 0;
    return maxsize > 0 && this.qsize() >= maxsize;
  }

  get maxsize(): number {
    return this.i32[this.base + MAXSIZE] ?? 0;
  }

  private slot(index: number): number {
    return this.base + HEADER_WORDS + index * SLOT_WORDS;
  }

  private fullError(): QueueFull {
    return new QueueFull(`${this.label('Queue')} is full.`);
  }

  private emptyError(): QueueEmpty {
    return new QueueEmpty(`${this.label('Queue')} is empty.`);
  }
}
