import type { EventSink } from '../sync/context';
import { EventKind } from '../sync/kinds';
import { Counter, HOLD_SLOT, SEQ_STEP, SLOT_WORDS } from './ring-layout';
import { encodeFloat } from './value-codec';

// Keys: one total order across threads, consistent with what each thread saw.
//
// Most events take their key from the run's shared counter: s = Atomics.add(counter, 1), key
// (s + 1) · SEQ_STEP. A lock's acquire and release are too hot for that (on this VM one atomic
// costs half a bare futex lock+unlock, and an Atomics.load as much as an add), so they go through
// the lock's own key word instead, which only its holder touches, ordered by the lock's own CAS
// and decrement (a Lamport clock carried by the lock):
//
//   key = max(this thread's last key + 1, the lock's key word + 1 unless that word is 0)
//
// and the lock's key word becomes key (0, a new lock's, names no event: counted keys start at
// SEQ_STEP). A key that reaches a multiple of SEQ_STEP (a counted event's) is counted instead, so
// hand-offs never run SEQ_STEP keys past the newest counted event they follow. So:
// - a thread's keys only grow; the next holder of a lock sorts after the last one's release;
// - a counted event sorts after everything that happened before its Atomics.add, in any thread:
//   every key is below (s + 2) · SEQ_STEP for the newest counted s it follows, and s only grows;
// - a thread that only hands locks over between counted events sorts them right after its last
//   counted event (their times are interpolated there);
// - keys are int32 and wrap (once per 2^26 counted events, where a lock word may read 0 and
//   order nothing); the reader unwraps them (ring.ts), the writer compares signed differences.
//
// A lock's acquire waits in the writer until the thread's next event: when that is the release of
// the same lock, the pair takes one slot (HOLD_SLOT, both keys), which the reader splits in two.
// Any other event, and flush(), writes the waiting acquire first, so the ring stays in key order
// and a thread that blocks while holding shows the hold before the block. When the page has read
// everything published, the acquire is written at once, as the publishing rule below would.

/** Where the global sequence counter lives (the heap's SEQ_WORD, or any Int32 word in tests). */
export type SeqCounter = { i32: Int32Array; index: number };

/** A thread's side of its ring. */
export interface TraceWriter extends EventSink {
  /** Shows the page every event written so far: call it when the thread ends or goes quiet. */
  flush(): void;
}

// Publishing costs a sequentially consistent store, as much as an Atomics.add, so the writer
// publishes only when it matters: at every timed event (around blocking, so a blocked or
// deadlocked thread's trace is complete), when the page has drained all it was shown (a live
// view of a slow program sees each event at once), every PUBLISH_EVERY events, and on flush().
const PUBLISH_EVERY = 32;
const UNTIMED = -1;

/** The hot path of tracing: at most one Atomics.add, four plain stores, now and then a publish. */
export class RingWriter implements TraceWriter {
  private written: number;
  private published: number;
  /** The writeCount at which the ring was full when readCount was last loaded. */
  private limit: number;
  /** This thread's last key (int32, wrapping). */
  private last: number;
  private readonly floatWords = new Int32Array(2);
  /** The acquire waiting for its release (object −1: none), its key and aux. */
  private heldObject = -1;
  private heldKey = 0;
  private heldAux = 0;

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
    this.last = (Atomics.load(seq.i32, seq.index) * SEQ_STEP) | 0;
  }

  emit(kind: EventKind, object: number, aux: number, timed: boolean): void {
    this.settle();
    const key = this.counted();
    this.write(key, kind, object, aux, timed ? Math.round(this.clockUs()) : UNTIMED, timed);
  }

  emitThrough(
    kind: EventKind,
    object: number,
    aux: number,
    i32: Int32Array,
    keyWord: number,
  ): void {
    let key = (this.last + 1) | 0;
    const objectKey = i32[keyWord] ?? 0;
    if (objectKey !== 0 && ((objectKey + 1 - key) | 0) > 0) key = (objectKey + 1) | 0;
    if ((key & (SEQ_STEP - 1)) === 0) key = this.counted();
    i32[keyWord] = key;
    this.last = key;
    if (kind === EventKind.Release && aux === 0 && this.heldObject === object) {
      this.heldObject = -1;
      this.write(this.heldKey, HOLD_SLOT, object, this.heldAux, key, false);
      return;
    }
    this.settle();
    // A page that has read everything (a slow program, watched live) sees the hold at once.
    const pageWaits = this.i32[this.counters + Counter.readCount] === this.published;
    if (kind === EventKind.Acquire && !pageWaits) {
      this.heldObject = object;
      this.heldKey = key;
      this.heldAux = aux;
      return;
    }
    this.write(key, kind, object, aux, UNTIMED, false);
  }

  emitValue(kind: EventKind, object: number, index: number, value: number, float: boolean): void {
    this.settle();
    const key = this.counted();
    if (float) {
      encodeFloat(value, this.floatWords);
      this.write(key, kind, object, this.floatWords[1] ?? 0, this.floatWords[0] ?? 0, false);
    } else {
      // Bit 23 of aux flags a float: an index keeps 23 bits (no heap holds a longer array).
      this.write(key, kind, object, index & 0x7fffff, value, false);
    }
  }

  flush(): void {
    this.settle();
    if (this.published === this.written) return;
    this.published = this.written;
    Atomics.store(this.i32, this.counters + Counter.writeCount, this.written);
  }

  /** Writes the acquire still waiting for its release, if any. */
  private settle(): void {
    if (this.heldObject === -1) return;
    const object = this.heldObject;
    this.heldObject = -1;
    this.write(this.heldKey, EventKind.Acquire, object, this.heldAux, UNTIMED, false);
  }

  private counted(): number {
    const key = ((Atomics.add(this.seq.i32, this.seq.index, 1) + 1) * SEQ_STEP) | 0;
    this.last = key;
    return key;
  }

  private write(
    key: number,
    kind: EventKind | typeof HOLD_SLOT,
    object: number,
    aux: number,
    word: number,
    publish: boolean,
  ): void {
    const i32 = this.i32;
    const written = this.written;
    if (written === this.limit) {
      this.limit = this.limitNow();
      if (written === this.limit) {
        Atomics.add(i32, this.counters + Counter.dropped, kind === HOLD_SLOT ? 2 : 1);
        return;
      }
    }
    const at = this.slots + (written & this.slotMask) * SLOT_WORDS;
    i32[at] = key;
    // `<< 8` itself drops aux's top byte: the slot keeps aux as a signed 24-bit value.
    i32[at + 1] = (aux << 8) | kind;
    i32[at + 2] = object;
    i32[at + 3] = word;
    const next = (written + 1) | 0;
    this.written = next;
    // The plain read of readCount is only a hint (a stale value just publishes later or earlier);
    // Atomics.load here cost as much as the publication it saves.
    if (
      publish ||
      ((next - this.published) | 0) >= PUBLISH_EVERY ||
      i32[this.counters + Counter.readCount] === this.published
    ) {
      this.published = next;
      Atomics.store(i32, this.counters + Counter.writeCount, next);
    }
  }

  private limitNow(): number {
    return (Atomics.load(this.i32, this.counters + Counter.readCount) + this.slotMask + 1) | 0;
  }
}
