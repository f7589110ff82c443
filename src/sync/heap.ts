import type { ObjectKind } from './kinds';
import { HeapMismatchError, kindLabel, outOfMemory } from './heap-errors';
import {
  HeaderWord,
  HEADER_BYTES,
  LINE,
  MAGIC,
  NAME_CHARS,
  OBJECT_ROW_BYTES,
  ObjectField,
  THREAD_ROW_BYTES,
  type HeapOptions,
  type ObjectInfo,
} from './heap-layout';

export { SEQ_WORD, ThreadField, type HeapOptions, type ObjectInfo } from './heap-layout';

// The shared heap's layout is documented in heap-layout.ts.

export type AllocationMode = 'init' | 'bind' | 'dynamic';

/**
 * A view of the shared heap. Allocation is deterministic: a program's top level runs once in
 * `init` mode (allocates and records objects), then in `bind` mode in every thread (finds the
 * same objects in the same order). Afterwards allocation is `dynamic` (an atomic bump).
 */
export class Heap {
  readonly buffer: SharedArrayBuffer;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly u16: Uint16Array;
  readonly maxThreads: number;
  readonly maxObjects: number;
  /**
   * Supplies default names while a program's top level runs (the runtime maps each constructor
   * call to the variable it initialises); an explicit `{ name }` wins.
   */
  namer: ((kind: ObjectKind) => string | undefined) | null = null;
  private mode: AllocationMode = 'dynamic';
  private cursor = 0;
  private nextId = 0;

  private constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.u16 = new Uint16Array(buffer);
    if (this.i32[HeaderWord.magic] !== MAGIC)
      throw new Error('This SharedArrayBuffer is not an Interleave heap.');
    this.maxThreads = this.i32[HeaderWord.maxThreads] ?? 0;
    this.maxObjects = this.i32[HeaderWord.maxObjects] ?? 0;
  }

  /** Makes a new heap (default 8 MB, 64 threads, 512 objects). */
  static create({
    bytes = 8 << 20,
    maxThreads = 64,
    maxObjects = 512,
    runtimeBytes = 0,
  }: HeapOptions = {}): Heap {
    const buffer = new SharedArrayBuffer(bytes);
    const i32 = new Int32Array(buffer);
    const threadTable = HEADER_BYTES;
    const objectTable = threadTable + maxThreads * THREAD_ROW_BYTES;
    const runtimeStart = alignUp(objectTable + maxObjects * OBJECT_ROW_BYTES, LINE);
    const staticStart = alignUp(runtimeStart + runtimeBytes, LINE);
    if (staticStart >= bytes) throw new RangeError('Heap too small for its tables.');
    i32[HeaderWord.maxThreads] = maxThreads;
    i32[HeaderWord.maxObjects] = maxObjects;
    i32[HeaderWord.threadTable] = threadTable;
    i32[HeaderWord.objectTable] = objectTable;
    i32[HeaderWord.staticStart] = staticStart;
    i32[HeaderWord.staticEnd] = staticStart;
    i32[HeaderWord.dynamicCursor] = staticStart;
    i32[HeaderWord.totalBytes] = bytes;
    i32[HeaderWord.runtimeStart] = runtimeStart;
    i32[HeaderWord.runtimeBytes] = runtimeBytes;
    Atomics.store(i32, HeaderWord.magic, MAGIC);
    return new Heap(buffer);
  }

  /** Maps an existing heap (in another thread). */
  static attach(buffer: SharedArrayBuffer): Heap {
    return new Heap(buffer);
  }

  /**
   * Starts evaluating a program's top level: `init` records objects, `bind` finds them again.
   * Both walk the static region from its start, so the n-th declaration is the n-th object.
   */
  beginStatic(mode: 'init' | 'bind'): void {
    this.mode = mode;
    this.cursor = this.word(HeaderWord.staticStart);
    this.nextId = 0;
  }

  /** Ends the top level; from now on objects are allocated dynamically. */
  endStatic(): void {
    if (this.mode === 'init') {
      Atomics.store(this.i32, HeaderWord.staticEnd, this.cursor);
      Atomics.store(this.i32, HeaderWord.dynamicCursor, this.cursor);
      Atomics.store(this.i32, HeaderWord.staticObjects, this.nextId);
      Atomics.store(this.i32, HeaderWord.objectCount, this.nextId);
    } else if (this.mode === 'bind' && this.nextId !== this.word(HeaderWord.staticObjects)) {
      throw new HeapMismatchError(
        `This thread's top level declared ${this.nextId} shared objects, the first declared ${this.word(HeaderWord.staticObjects)}: ` +
          'declare shared objects unconditionally at the top level.',
      );
    }
    this.mode = 'dynamic';
  }

  /**
   * Allocates (or, in `bind` mode, finds) an object of `bytes` bytes. `fresh` says whether the
   * caller must write the object's initial state.
   */
  allocate(
    kind: ObjectKind,
    bytes: number,
    name: string | undefined,
  ): { id: number; offset: number; fresh: boolean } {
    // Sizes are checked as plain numbers before any shared word moves: a huge request is a
    // RangeError that changes nothing, never a cursor wrapped past 2³¹.
    const size = alignUp(Math.max(bytes, 4), LINE);
    if (!Number.isSafeInteger(size) || size > this.word(HeaderWord.totalBytes)) throw outOfMemory();
    if (this.mode === 'dynamic') {
      const { id, offset } = this.reserveDynamic(size);
      this.writeRow(id, kind, offset, name ?? this.namer?.(kind) ?? `${kindLabel(kind)}#${id}`);
      return { id, offset, fresh: true };
    }
    const id = this.nextId;
    const offset = this.cursor;
    this.checkRoom(id, offset + size);
    this.nextId++;
    this.cursor += size;
    if (this.mode === 'init') {
      this.writeRow(id, kind, offset, name ?? this.namer?.(kind) ?? `${kindLabel(kind)}#${id}`);
      return { id, offset, fresh: true };
    }
    const row = this.objectRow(id);
    if (
      this.word(row + ObjectField.kind) !== kind ||
      this.word(row + ObjectField.offset) !== offset
    ) {
      throw new HeapMismatchError(
        `Shared object #${id} is a ${kindLabel(kind)} in this thread but a ${kindLabel(this.word(row) as ObjectKind)} in the first: ` +
          'declare shared objects unconditionally at the top level.',
      );
    }
    return { id, offset, fresh: false };
  }

  /**
   * Takes an object id and `size` bytes at once, or neither: both counters move under a short
   * spin lock (no blocking call inside), so a failed allocation rolls nothing back because it
   * changed nothing. Dynamic allocation is rare (objects made while threads run).
   */
  private reserveDynamic(size: number): { id: number; offset: number } {
    const i32 = this.i32;
    while (Atomics.compareExchange(i32, HeaderWord.allocLock, 0, 1) !== 0);
    try {
      const id = Atomics.load(i32, HeaderWord.objectCount);
      const offset = Atomics.load(i32, HeaderWord.dynamicCursor);
      this.checkRoom(id, offset + size);
      Atomics.store(i32, HeaderWord.dynamicCursor, offset + size);
      Atomics.store(i32, HeaderWord.objectCount, id + 1);
      return { id, offset };
    } finally {
      Atomics.store(i32, HeaderWord.allocLock, 0);
    }
  }

  /** Throws, changing nothing, when object `id` or memory up to byte `end` is past the heap. */
  private checkRoom(id: number, end: number): void {
    if (id >= this.maxObjects)
      throw new RangeError(`Too many shared objects (the limit is ${this.maxObjects}).`);
    if (end > this.word(HeaderWord.totalBytes)) throw outOfMemory();
  }

  /** Records the words a watchdog reads for an object (owner, holders); called by constructors. */
  watchWords(
    id: number,
    words: { ownerWord?: number; holdersWord?: number; maxHoldersWord?: number },
  ): void {
    const row = this.objectRow(id);
    if (words.ownerWord !== undefined) this.i32[row + ObjectField.ownerWord] = words.ownerWord;
    if (words.holdersWord !== undefined)
      this.i32[row + ObjectField.holdersWord] = words.holdersWord;
    if (words.maxHoldersWord !== undefined)
      this.i32[row + ObjectField.maxHoldersWord] = words.maxHoldersWord;
  }

  /** The byte range reserved for the runtime's own structures. */
  get runtimeArea(): { offset: number; bytes: number } {
    return {
      offset: this.word(HeaderWord.runtimeStart),
      bytes: this.word(HeaderWord.runtimeBytes),
    };
  }

  /** Renames an object (the runtime names objects after the variables they initialise). */
  rename(id: number, name: string): void {
    const row = this.objectRow(id);
    this.writeRow(
      id,
      this.word(row + ObjectField.kind) as ObjectKind,
      this.word(row + ObjectField.offset),
      name,
    );
  }

  /** Number of objects allocated so far (static and dynamic). */
  get objectCount(): number {
    return Math.min(Atomics.load(this.i32, HeaderWord.objectCount), this.maxObjects);
  }

  /** The kind of object `id` (cheaper than objectInfo: no name decoding). */
  kindOf(id: number): ObjectKind {
    return this.word(this.objectRow(id) + ObjectField.kind) as ObjectKind;
  }

  /** Int32 index of object `id`'s owner word (lock-like objects), or 0: no name decoding. */
  ownerWordOf(id: number): number {
    return this.word(this.objectRow(id) + ObjectField.ownerWord);
  }

  /** The byte offset of object `id`'s words. */
  offsetOf(id: number): number {
    return this.word(this.objectRow(id) + ObjectField.offset);
  }

  objectInfo(id: number): ObjectInfo {
    const row = this.objectRow(id);
    const kind = this.word(row + ObjectField.kind) as ObjectKind;
    // The name's length is clamped: a scribbled length must not make a reader loop for ever.
    const length = Math.max(0, Math.min(this.word(row + ObjectField.nameLength), NAME_CHARS));
    const start = (row + 8) * 2;
    let name = '';
    for (let i = 0; i < length; i++) name += String.fromCharCode(this.u16[start + i] ?? 0);
    const info: ObjectInfo = { id, kind, name, offset: this.word(row + ObjectField.offset) };
    const owner = this.word(row + ObjectField.ownerWord);
    const holders = this.word(row + ObjectField.holdersWord);
    const maxHolders = this.word(row + ObjectField.maxHoldersWord);
    if (owner) info.ownerWord = owner;
    if (holders) info.holdersWord = holders;
    if (maxHolders) info.maxHoldersWord = maxHolders;
    return info;
  }

  objects(): ObjectInfo[] {
    return Array.from({ length: this.objectCount }, (_, id) => this.objectInfo(id));
  }

  /** Marks an object abandoned (its owner died); waiters check this flag when they wake. */
  markAbandoned(id: number, byThread: number): void {
    Atomics.store(this.i32, this.objectRow(id) + ObjectField.abandoned, byThread + 1);
  }

  /** Thread id + 1 of the dead owner if the object was abandoned, else 0. */
  abandonedBy(id: number): number {
    return Atomics.load(this.i32, this.objectRow(id) + ObjectField.abandoned);
  }

  /** Int32 index of a field of a thread's row. */
  threadWord(threadId: number, field: number): number {
    if (threadId < 0 || threadId >= this.maxThreads)
      throw new RangeError(`No thread ${threadId} in this heap.`);
    return (this.word(HeaderWord.threadTable) + threadId * THREAD_ROW_BYTES) / 4 + field;
  }

  /** Int32 index of an object's first word. */
  static wordOf(offset: number): number {
    return offset >> 2;
  }

  private objectRow(id: number): number {
    if (id < 0 || id >= this.maxObjects) throw new RangeError(`No object ${id} in this heap.`);
    return (this.word(HeaderWord.objectTable) + id * OBJECT_ROW_BYTES) / 4;
  }

  private writeRow(id: number, kind: ObjectKind, offset: number, name: string): void {
    const row = this.objectRow(id);
    const shown = name.length > NAME_CHARS ? name.slice(0, NAME_CHARS - 1) + '…' : name;
    const start = (row + 8) * 2;
    for (let i = 0; i < shown.length; i++) this.u16[start + i] = shown.charCodeAt(i);
    this.i32[row + ObjectField.nameLength] = shown.length;
    this.i32[row + ObjectField.offset] = offset;
    this.i32[row + ObjectField.abandoned] = 0;
    Atomics.store(this.i32, row + ObjectField.kind, kind);
  }

  private word(index: number): number {
    return this.i32[index] ?? 0;
  }
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
