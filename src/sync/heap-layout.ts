import type { ObjectKind } from './kinds';

// The shared heap — one SharedArrayBuffer that every thread of a run maps.
//
// | bytes                     | what                                                          |
// | 0 … 63                    | header words (below)                                          |
// | 64 … 127                  | the global event sequence counter, alone on its cache line    |
// | 128 … 255                 | reserved                                                      |
// | 256 …                     | thread table: maxThreads rows of 64 bytes                     |
// | …                         | object table: maxObjects rows of 128 bytes                    |
// | …                         | the runtime's area (runtimeBytes): spawn ring, futures, text  |
// | … staticEnd               | objects declared at a program's top level, in declaration order |
// | staticEnd … total         | objects allocated while threads run (atomic bump)             |
//
// Every object starts on its own 64-byte line so unrelated hot words never share a cache line:
// false sharing makes every Atomics operation on either word pay for the other's writes.

export const MAGIC = 0x1e7ea5e;
export const LINE = 64;
export const HEADER_BYTES = 256;
export const THREAD_ROW_BYTES = 64;
export const OBJECT_ROW_BYTES = 128;
export const NAME_CHARS = (OBJECT_ROW_BYTES - 8 * 4) / 2;

/** Header word indices. */
export const HeaderWord = {
  magic: 0,
  maxThreads: 1,
  maxObjects: 2,
  threadTable: 3,
  objectTable: 4,
  staticStart: 5,
  staticEnd: 6,
  dynamicCursor: 7,
  objectCount: 8,
  staticObjects: 9,
  totalBytes: 10,
  runtimeStart: 11,
  runtimeBytes: 12,
  /** Held (1) while a dynamic allocation moves the object count and cursor together. */
  allocLock: 13,
} as const;

/** Word index of the global sequence counter (trace order). */
export const SEQ_WORD = 64 / 4;

/** Fields of a thread-table row (word offsets within the row). */
export const ThreadField = {
  /** A {@link ThreadStatus}; threads `join` by waiting on this word. */
  status: 0,
  /** Id + 1 of the object the thread is blocked on, 0 when it is not blocked. */
  blockedOn: 1,
  /** A {@link BlockOp}: what the blocked thread is doing. */
  blockedOp: 2,
  /** 1 when the blocking call has a timeout (it will end by itself). */
  blockedTimed: 3,
  /** Incremented at every block: a watchdog that sees it unchanged knows the wait is the same one. */
  blockEpoch: 4,
  /** Condition and Barrier waiters sleep on this word; whoever ends the wait sets it. */
  wake: 5,
  /** For Join blocks: the thread id waited for. */
  blockedArg: 6,
  /** Free for the runtime (4 words). */
  runtime: 8,
  /**
   * The word (Int32 index) and value the blocked thread sleeps on: once the word differs, the
   * thread is about to wake even if it has not run yet, so a watchdog must not call it stuck.
   */
  waitIndex: 12,
  waitValue: 13,
} as const;

/** Fields of an object-table row (word offsets within the row). */
export const ObjectField = {
  kind: 0,
  offset: 1,
  ownerWord: 2,
  holdersWord: 3,
  maxHoldersWord: 4,
  nameLength: 5,
  abandoned: 6,
} as const;

export type HeapOptions = {
  bytes?: number;
  maxThreads?: number;
  maxObjects?: number;
  runtimeBytes?: number;
};

/** What the object table records of one shared object. */
export type ObjectInfo = {
  id: number;
  kind: ObjectKind;
  name: string;
  /** Byte offset of the object's words. */
  offset: number;
  /** Int32 index of the word holding owner thread id + 1 (0 = free), for lock-like objects. */
  ownerWord?: number;
  holdersWord?: number;
  maxHoldersWord?: number;
};
