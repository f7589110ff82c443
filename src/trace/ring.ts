import { EventKind } from '../sync/kinds';
import { Counter, Header, HOLD_SLOT, LINE_WORDS, MAGIC, SLOT_WORDS } from './ring-layout';
import { RingWriter, type SeqCounter, type TraceWriter } from './ring-writer';
import type { TraceEvent } from './types';
import { decodeFloat, isFloatAux } from './value-codec';

// The page's side of the trace rings: layout and protocol in ring-layout.ts, the threads' side
// and the key order in ring-writer.ts.

export { SEQ_STEP } from './ring-layout';
export type { SeqCounter, TraceWriter } from './ring-writer';

/** The `EventSink.mask` bit set with the given kinds enabled (bit = 1 << kind). */
export function eventMaskOf(kinds: Iterable<EventKind>): number {
  let mask = 0;
  for (const kind of kinds) mask |= 1 << kind;
  return mask;
}

/** Every event kind enabled: full tracing. */
export const ALL_EVENTS_MASK = eventMaskOf(Object.values(EventKind));

/** The shared reads and writes, whose events carry a value. */
export const VALUE_EVENTS_MASK = eventMaskOf([
  EventKind.Read,
  EventKind.Write,
  EventKind.Add,
  EventKind.Cas,
  EventKind.CasFailed,
]);

/** The per-thread trace ring buffers of one run. */
export class TraceRings {
  readonly buffer: SharedArrayBuffer;
  readonly maxThreads: number;
  /** Slots per thread (a power of two). */
  readonly capacity: number;
  private readonly i32: Int32Array;
  /** The unwrapped key of the newest event drained: keys are int32 and wrap (ring-writer.ts). */
  private newestKey = 0;

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
        if (((this.word(at + 1) & 0xff) as number) === HOLD_SLOT)
          this.decodeHold(at, thread, events);
        else events.push(this.decode(at, thread));
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

  /** The nearest number to the newest key drained whose low 32 bits are `key`. */
  private unwrap(key: number): number {
    const unwrapped = this.newestKey + ((key - this.newestKey) | 0);
    if (unwrapped > this.newestKey) this.newestKey = unwrapped;
    return unwrapped;
  }

  private decodeHold(at: number, thread: number, into: TraceEvent[]): void {
    const object = this.word(at + 2);
    const aux = this.word(at + 1) >> 8;
    const acquired = this.unwrap(this.word(at));
    const released = this.unwrap(this.word(at + 3));
    into.push({ seq: acquired, thread, kind: EventKind.Acquire, object, aux, timeUs: null });
    into.push({ seq: released, thread, kind: EventKind.Release, object, aux: 0, timeUs: null });
  }

  private decode(at: number, thread: number): TraceEvent {
    const unwrapped = this.unwrap(this.word(at));
    const packed = this.word(at + 1);
    const kind = (packed & 0xff) as EventKind;
    const aux = packed >> 8;
    const word = this.word(at + 3);
    const event: TraceEvent = {
      seq: unwrapped,
      thread,
      kind,
      object: this.word(at + 2),
      aux,
      timeUs: word === -1 ? null : word,
    };
    if ((VALUE_EVENTS_MASK & (1 << kind)) === 0) return event;
    const float = isFloatAux(aux);
    return {
      ...event,
      aux: float ? 0 : aux,
      timeUs: null,
      value: float ? decodeFloat(word, aux) : word,
    };
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

/** Late events at most this many are put in place one by one; more are merged with the tail. */
const FEW_LATE = 32;

/**
 * Appends a drained batch (sorted by seq) to an accumulated log, keeping the log sorted. Events
 * past the log's end are pushed. A few late ones (a thread published after a later event was
 * drained) are each spliced in at its place: one native move of the log's tail, not a rebuild in
 * JavaScript; many late ones merge with the log's tail, linear in tail + batch.
 */
export function appendBySeq(log: TraceEvent[], batch: readonly TraceEvent[]): void {
  const first = batch[0];
  if (first === undefined) return;
  const endSeq = log.at(-1)?.seq ?? -Infinity;
  let late = 0;
  while (late < batch.length && (batch[late] as TraceEvent).seq < endSeq) late++;
  if (late <= FEW_LATE) {
    for (let k = 0; k < late; k++) {
      const event = batch[k] as TraceEvent;
      log.splice(firstAfter(log, event.seq), 0, event);
    }
    for (let k = late; k < batch.length; k++) log.push(batch[k] as TraceEvent);
    return;
  }
  const lo = firstAfter(log, first.seq);
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

/** The index of the first event in `log` (sorted by seq) whose seq is greater than `seq`. */
function firstAfter(log: readonly TraceEvent[], seq: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((log[mid]?.seq ?? 0) > seq) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
