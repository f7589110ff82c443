import { objectKindName, type ObjectKind } from './kinds';
import {
  H,
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

/** Thrown when a program's top level declares different objects in different threads. */
export class HeapMismatchError extends Error {}

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
    if (this.i32[H.magic] !== MAGIC)
      throw new Error('This SharedArrayBuffer is not an Interleave heap.');
    this.maxThreads = this.i32[H.maxThreads] ?? 0;
    this.maxObjects = this.i32[H.maxObjects] ?? 0;
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
    i32[H.maxThreads] = maxThreads;
    i32[H.maxObjects] = maxObjects;
    i32[H.threadTable] = threadTable;
    i32[H.objectTable] = objectTable;
    i32[H.staticStart] = staticStart;
    i32[H.staticEnd] = staticStart;
    i32[H.dynamicCursor] = staticStart;
    i32[H.totalBytes] = bytes;
    i32[H.runtimeStart] = runtimeStart;
    i32[H.runtimeBytes] = runtimeBytes;
    Atomics.store(i32, H.magic, MAGIC);
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
    this.cursor = this.word(H.staticStart);
    this.nextId = 0;
  }

  /** Ends the top level; from now on objects are allocated dynamically. */
  endStatic(): void {
    if (this.mode === 'init') {
      Atomics.store(this.i32, H.staticEnd, this.cursor);
      Atomics.store(this.i32, H.dynamicCursor, this.cursor);
      Atomics.store(this.i32, H.staticObjects, this.nextId);
      Atomics.store(this.i32, H.objectCount, this.nextId);
    } else if (this.mode === 'bind' && this.nextId !== this.word(H.staticObjects)) {
      throw new HeapMismatchError(
        `This thread's top level declared ${this.nextId} shared objects, the first declared ${this.word(H.staticObjects)}: ` +
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
    const size = alignUp(Math.max(bytes, 4), LINE);
    if (this.mode === 'dynamic') {
      const id = Atomics.add(this.i32, H.objectCount, 1);
      if (id >= this.maxObjects)
        throw new RangeError(`Too many shared objects (the limit is ${this.maxObjects}).`);
      const offset = Atomics.add(this.i32, H.dynamicCursor, size);
      this.checkFits(offset, size);
      this.writeRow(id, kind, offset, name ?? this.namer?.(kind) ?? `${kindLabel(kind)}#${id}`);
      return { id, offset, fresh: true };
    }
    const id = this.nextId++;
    const offset = this.cursor;
    this.cursor += size;
    if (id >= this.maxObjects)
      throw new RangeError(`Too many shared objects (the limit is ${this.maxObjects}).`);
    this.checkFits(offset, size);
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

  /** Records the words a watchdog reads for an object (owner, holders); called by constructors. */
  describe(
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
    return { offset: this.word(H.runtimeStart), bytes: this.word(H.runtimeBytes) };
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
    return Math.min(Atomics.load(this.i32, H.objectCount), this.maxObjects);
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
    const length = this.word(row + ObjectField.nameLength);
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
    return (this.word(H.threadTable) + threadId * THREAD_ROW_BYTES) / 4 + field;
  }

  /** Int32 index of an object's first word. */
  static wordOf(offset: number): number {
    return offset >> 2;
  }

  private objectRow(id: number): number {
    if (id < 0 || id >= this.maxObjects) throw new RangeError(`No object ${id} in this heap.`);
    return (this.word(H.objectTable) + id * OBJECT_ROW_BYTES) / 4;
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

  private checkFits(offset: number, size: number): void {
    if (offset + size > this.word(H.totalBytes)) {
      throw new RangeError(
        'Out of shared memory: the program allocates more shared objects than the heap holds.',
      );
    }
  }

  private word(index: number): number {
    return this.i32[index] ?? 0;
  }
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function kindLabel(kind: ObjectKind): string {
  return objectKindName[kind] ?? 'Object';
}
