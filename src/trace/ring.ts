import type { EventSink } from '../sync/context';
import { EventKind } from '../sync/kinds';
import type { TraceEvent } from './types';

// Trace rings — one single-producer/single-consumer ring per thread, in their own SharedArrayBuffer.
// The thread writes; the page drains on animation frames and never blocks.
//
// | bytes                          | what                                                        |
// | 0 … 63                         | header: magic · maxThreads · capacity (slots per ring)       |
// | 64 + 64·t … 127 + 64·t         | thread t's counters, alone on their line (below)             |
// | 64 + 64·maxThreads + 16·cap·t  | thread t's slots: capacity × 16 bytes                        |
//
// Counters of thread t (Int32 words):
// | word | name       | written by | meaning                                            |
// | 0    | writeCount | the thread | events written so far (wraps at 2^32)             |
// | 1    | readCount  | the page   | events drained so far                              |
// | 2    | dropped    | the thread | events lost because the ring was full              |
//
// Slot (4 Int32 words): | seq | (aux & 0xffffff) << 8 | kind | object | timeUs, -1 when unread |
//
// Protocol: the writer stores the four words with plain writes, then publishes with
// Atomics.store(writeCount); the reader Atomics.loads writeCount before reading slots and
// publishes readCount after — the sequentially consistent pair orders the plain accesses
// (a Lamport SPSC queue). A full ring drops the new event, never an unread one.
// Capacity is rounded up to a power of two so slot indices stay right when the counters wrap.
//
// Publishing costs a sequentially consistent store, as much as the seq Atomics.add, so the writer
// publishes only when it matters: at every timed event (around blocking, so a blocked or
// deadlocked thread's trace is complete), when the page has drained all it was shown (a live
// view of a slow program sees each event at once), every PUBLISH_EVERY events, and on flush().
// Measured in Node on this VM, lock acquire+release with both events traced: 0.28× untraced when
// publishing every event, 0.44× like this (the budget is 0.4×).

const MAGIC = 0x7ace0001;
const LINE_WORDS = 64 / 4;
const SLOT_WORDS = 4;
const Header = { magic: 0, maxThreads: 1, capacity: 2 } as const;
const Counter = { writeCount: 0, readCount: 1, dropped: 2 } as const;
const PUBLISH_EVERY = 32;

/** The `EventSink.mask` bit set with the given kinds enabled (bit = 1 << kind). */
export function eventMaskOf(kinds: Iterable<EventKind>): number {
  let mask = 0;
  for (const kind of kinds) mask |= 1 << kind;
  return mask;
}

/** Every event kind enabled: full tracing. */
export const ALL_EVENTS_MASK = eventMaskOf(Object.values(EventKind));

/** Where the global sequence counter lives (the heap's SEQ_WORD, or any Int32 word in tests). */
export type SeqCounter = { i32: Int32Array; index: number };

/** A thread's side of its ring. */
export interface TraceWriter extends EventSink {
  /** Shows the page every event written so far: call it when the thread ends or goes quiet. */
  flush(): void;
}

/** The per-thread trace ring buffers of one run. */
export class TraceRings {
  readonly buffer: SharedArrayBuffer;
  readonly maxThreads: number;
  /** Slots per thread (a power of two). */
  readonly capacity: number;
  private readonly i32: Int32Array;

  private constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.i32 = new Int32Array(buffer);
    if (Atomics.load(this.i32, Header.magic) !== MAGIC)
      throw new Error('This SharedArrayBuffer is not an Interleave trace ring.');
    this.maxThreads = this.i32[Header.maxThreads] ?? 0;
    this.capacity = this.i32[Header.capacity] ?? 0;
  }

  /** Allocates rings for `maxThreads` threads of at least `capacityPerThread` events each. */
  static create(maxThreads: number, capacityPerThread: number): TraceRings {
    if (!Number.isInteger(maxThreads) || maxThreads < 1)
      throw new RangeError(`maxThreads must be a positive integer, not ${maxThreads}.`);
    if (
      !Number.isInteger(capacityPerThread) ||
      capacityPerThread < 1 ||
      capacityPerThread > 2 ** 26
    )
      throw new RangeError(`capacityPerThread must be in 1 … 2^26, not ${capacityPerThread}.`);
    const capacity = 2 ** Math.ceil(Math.log2(capacityPerThread));
    const words = LINE_WORDS * (1 + maxThreads) + SLOT_WORDS * capacity * maxThreads;
    const buffer = new SharedArrayBuffer(words * 4);
    const i32 = new Int32Array(buffer);
    i32[Header.maxThreads] = maxThreads;
    i32[Header.capacity] = capacity;
    Atomics.store(i32, Header.magic, MAGIC);
    return new TraceRings(buffer);
  }

  /** Maps rings created elsewhere (in a worker). */
  static attach(buffer: SharedArrayBuffer): TraceRings {
    return new TraceRings(buffer);
  }

  /**
   * The sink thread `thread` emits into; only that thread may use it (one writer per ring).
   * `clockUs` is read only for timed events and must return µs since the run started (below 2^31).
   * Untimed events may wait to be published until the next timed one or `flush()`.
   */
  writer(thread: number, seq: SeqCounter, clockUs: () => number, mask: number): TraceWriter {
    return new RingWriter(
      this.i32,
      this.countersOf(thread),
      this.slotsOf(thread),
      this.capacity - 1,
      seq,
      clockUs,
      mask,
    );
  }

  /**
   * Takes the events published since the last drain (at most `maxPerThread` of each thread's),
   * from all threads, sorted by seq. Never blocks. A thread may publish an event after another thread's later-seq event was drained, so
   * batches can overlap in seq: append them with {@link appendBySeq}.
   */
  drain(maxPerThread = Infinity): TraceEvent[] {
    const events: TraceEvent[] = [];
    const mask = this.capacity - 1;
    for (let thread = 0; thread < this.maxThreads; thread++) {
      const counters = this.countersOf(thread);
      const slots = this.slotsOf(thread);
      const published = Atomics.load(this.i32, counters + Counter.writeCount);
      const read = this.i32[counters + Counter.readCount] ?? 0;
      // At most `maxPerThread` per call bounds the page's work per frame; the rest waits its turn.
      const written =
        ((published - read) | 0) > maxPerThread ? (read + maxPerThread) | 0 : published;
      for (let n = read; n !== written; n = (n + 1) | 0) {
        const at = slots + (n & mask) * SLOT_WORDS;
        const packed = this.word(at + 1);
        const timeUs = this.word(at + 3);
        events.push({
          seq: this.word(at),
          thread,
          kind: (packed & 0xff) as EventKind,
          object: this.word(at + 2),
          aux: packed >> 8,
          timeUs: timeUs === -1 ? null : timeUs,
        });
      }
      Atomics.store(this.i32, counters + Counter.readCount, written);
    }
    // Each ring is already in seq order, so the sort merges runs (TimSort: O(n log threads)).
    return events.sort((a, b) => a.seq - b.seq);
  }

  /** Skips every published event unread (the page keeps no more); returns how many. */
  discard(): number {
    let skipped = 0;
    for (let thread = 0; thread < this.maxThreads; thread++) {
      const counters = this.countersOf(thread);
      const published = Atomics.load(this.i32, counters + Counter.writeCount);
      skipped += (published - (this.i32[counters + Counter.readCount] ?? 0)) | 0;
      Atomics.store(this.i32, counters + Counter.readCount, published);
    }
    return skipped;
  }

  /** Events lost so far, over all threads, because a ring was full. */
  dropped(): number {
    let total = 0;
    for (let thread = 0; thread < this.maxThreads; thread++)
      total += Atomics.load(this.i32, this.countersOf(thread) + Counter.dropped);
    return total;
  }

  private countersOf(thread: number): number {
    if (!Number.isInteger(thread) || thread < 0 || thread >= this.maxThreads)
      throw new RangeError(`No trace ring for thread ${thread} (there are ${this.maxThreads}).`);
    return LINE_WORDS * (1 + thread);
  }

  private slotsOf(thread: number): number {
    return LINE_WORDS * (1 + this.maxThreads) + SLOT_WORDS * this.capacity * thread;
  }

  private word(index: number): number {
    return this.i32[index] ?? 0;
  }
}

/**
 * Appends a drained batch (sorted by seq) to an accumulated log, keeping the log sorted. Late
 * events belong only a little way back: binary-search where the batch starts, then merge the
 * log's tail with the batch — linear in tail + batch, never a splice per event.
 */
export function appendBySeq(log: TraceEvent[], batch: readonly TraceEvent[]): void {
  const first = batch[0];
  if (first === undefined) return;
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((log[mid]?.seq ?? 0) > first.seq) hi = mid;
    else lo = mid + 1;
  }
  if (lo === log.length) {
    for (const event of batch) log.push(event);
    return;
  }
  const tail = log.splice(lo);
  let i = 0;
  let j = 0;
  while (i < tail.length && j < batch.length) {
    const a = tail[i] as TraceEvent;
    const b = batch[j] as TraceEvent;
    if (a.seq <= b.seq) {
      log.push(a);
      i++;
    } else {
      log.push(b);
      j++;
    }
  }
  while (i < tail.length) log.push(tail[i++] as TraceEvent);
  while (j < batch.length) log.push(batch[j++] as TraceEvent);
}

/** The hot path of tracing: one Atomics.add, four plain stores, now and then one Atomics.store. */
class RingWriter implements TraceWriter {
  private written: number;
  private published: number;
  /** The writeCount at which the ring was full when readCount was last loaded. */
  private limit: number;

  constructor(
    private readonly i32: Int32Array,
    private readonly counters: number,
    private readonly slots: number,
    private readonly slotMask: number,
    private readonly seq: SeqCounter,
    private readonly clockUs: () => number,
    readonly mask: number,
  ) {
    // A writer made again for the same ring (a reused worker) continues where the last one stopped.
    this.written = Atomics.load(i32, counters + Counter.writeCount);
    this.published = this.written;
    this.limit = this.limitNow();
  }

  emit(kind: EventKind, object: number, aux: number, timed: boolean): void {
    const seq = Atomics.add(this.seq.i32, this.seq.index, 1);
    const i32 = this.i32;
    const written = this.written;
    if (written === this.limit) {
      this.limit = this.limitNow();
      if (written === this.limit) {
        Atomics.add(i32, this.counters + Counter.dropped, 1);
        return;
      }
    }
    const at = this.slots + (written & this.slotMask) * SLOT_WORDS;
    i32[at] = seq;
    // `<< 8` itself drops aux's top byte: the slot keeps aux as a signed 24-bit value.
    i32[at + 1] = (aux << 8) | kind;
    i32[at + 2] = object;
    i32[at + 3] = timed ? Math.round(this.clockUs()) : -1;
    const next = (written + 1) | 0;
    this.written = next;
    // The plain read of readCount is only a hint (a stale value just publishes later or earlier);
    // Atomics.load here cost as much as the publication it saves.
    if (
      timed ||
      ((next - this.published) | 0) >= PUBLISH_EVERY ||
      i32[this.counters + Counter.readCount] === this.published
    ) {
      this.published = next;
      Atomics.store(i32, this.counters + Counter.writeCount, next);
    }
  }

  flush(): void {
    if (this.published === this.written) return;
    this.published = this.written;
    Atomics.store(this.i32, this.counters + Counter.writeCount, this.written);
  }

  private limitNow(): number {
    return (Atomics.load(this.i32, this.counters + Counter.readCount) + this.slotMask + 1) | 0;
  }
}
