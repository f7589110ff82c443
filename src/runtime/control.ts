import type { Heap } from '../sync';
import {
  ControlWord,
  controlLayout,
  FutureRowField,
  MAX_FUTURES,
  MAX_LINE,
  OUTPUT_CAP,
  OutputRowField,
  ROW_WORDS,
  SPAWN_RING,
  type ControlLayout,
} from './control-layout';

export { ControlWord, OUTPUT_CAP, MAX_FUTURES, ThreadRowField } from './control-layout';

export const RunState = { Preparing: 0, Running: 1, Ending: 2 } as const;
export const FutureState = { Pending: 0, Running: 1, Done: 2, Failed: 3, Cancelled: 4 } as const;

type ControlWordValue = (typeof ControlWord)[keyof typeof ControlWord];

/** Bytes the runtime asks the heap to reserve for a heap of `maxThreads` threads. */
export function runtimeBytesFor(maxThreads: number): number {
  return controlLayout(maxThreads).bytes;
}

export class TextTooLargeError extends RangeError {}

/**
 * Typed access to the runtime's words (control-layout.ts), shared by the run's driver and every
 * worker. Everything read here may have been scribbled on by a broken run, so readers validate
 * what they decode (offsets, lengths) and never trust a word as an index unchecked.
 */
export class Control {
  readonly i32: Int32Array;
  private readonly base: number;
  private readonly layout: ControlLayout;
  /** Byte offsets of the text arena. */
  private readonly textStart: number;
  private readonly textEnd: number;

  constructor(readonly heap: Heap) {
    const { offset, bytes } = heap.runtimeArea;
    this.i32 = heap.i32;
    this.base = offset >> 2;
    this.layout = controlLayout(heap.maxThreads);
    this.textStart = offset + this.layout.textBytes;
    this.textEnd = offset + Math.min(bytes, this.layout.bytes);
  }

  /** Int32 index of a control word. */
  word(field: ControlWordValue): number {
    return this.base + field;
  }

  load(field: ControlWordValue): number {
    return Atomics.load(this.i32, this.base + field);
  }

  store(field: ControlWordValue, value: number): void {
    Atomics.store(this.i32, this.base + field, value);
  }

  /**
   * Stores a string in the text arena; returns its byte offset. The cursor only moves when the
   * text fits, so a failed store (a huge argument) costs nothing and later small texts still fit.
   */
  putText(text: string): number {
    const bytes = (4 + text.length * 2 + 3) & ~3;
    const cursorWord = this.base + ControlWord.textCursor;
    for (;;) {
      const used = Atomics.load(this.i32, cursorWord);
      if (this.textStart + used + bytes > this.textEnd) {
        throw new TextTooLargeError(
          `Out of memory for text this run: ${text.length} more characters do not fit ` +
            `(thread arguments, results, output and input share ${this.textEnd - this.textStart} bytes).`,
        );
      }
      if (Atomics.compareExchange(this.i32, cursorWord, used, used + bytes) === used) {
        const at = this.textStart + used;
        this.i32[at >> 2] = text.length;
        const u16 = this.heap.u16;
        const start = (at + 4) >> 1;
        for (let i = 0; i < text.length; i++) u16[start + i] = text.charCodeAt(i);
        return at;
      }
    }
  }

  /** The string stored at `at`; an error (never a crash) when `at` does not point into the arena. */
  getText(at: number): string {
    if (!Number.isInteger(at) || at < this.textStart || at + 4 > this.textEnd || at % 4 !== 0)
      throw new RangeError(`Corrupt text offset ${at} in the runtime's memory.`);
    const length = this.i32[at >> 2] ?? 0;
    if (length < 0 || at + 4 + length * 2 > this.textEnd)
      throw new RangeError(`Corrupt text length ${length} in the runtime's memory.`);
    const start = (at + 4) >> 1;
    let text = '';
    // Chunks: String.fromCharCode has an argument-count limit.
    for (let i = 0; i < length; i += 8192) {
      text += String.fromCharCode(
        ...this.heap.u16.subarray(start + i, start + Math.min(length, i + 8192)),
      );
    }
    return text;
  }

  /** Queues a thread to be started by the next idle worker. */
  pushSpawn(thread: number): void {
    const ticket = Atomics.add(this.i32, this.base + ControlWord.spawnReserve, 1);
    if (ticket - Atomics.load(this.i32, this.base + ControlWord.spawnHead) >= SPAWN_RING) {
      throw new RangeError('Too many threads waiting to start at once.');
    }
    Atomics.store(this.i32, this.base + this.layout.spawnRing + (ticket % SPAWN_RING), thread);
    // Publish in ticket order: the tail only passes a slot once it is written. The spin lasts
    // only while an earlier pusher is between its two stores.
    const tail = this.base + ControlWord.spawnTail;
    while (Atomics.compareExchange(this.i32, tail, ticket, ticket + 1) !== ticket);
    Atomics.notify(this.i32, tail);
  }

  /** Takes the next spawn request, or returns -1 when there is none. */
  takeSpawn(): number {
    const headWord = this.base + ControlWord.spawnHead;
    for (;;) {
      const head = Atomics.load(this.i32, headWord);
      if (head >= Atomics.load(this.i32, this.base + ControlWord.spawnTail)) return -1;
      if (Atomics.compareExchange(this.i32, headWord, head, head + 1) === head) {
        return Atomics.load(this.i32, this.base + this.layout.spawnRing + (head % SPAWN_RING));
      }
    }
  }

  /** Spawn requests not yet taken by a worker. */
  pendingSpawns(): number {
    return this.load(ControlWord.spawnTail) - this.load(ControlWord.spawnHead);
  }

  /** Int32 index of a field (ThreadRowField) of a thread's row. */
  threadRowWord(thread: number, field: number): number {
    if (!Number.isInteger(thread) || thread < 0 || thread >= this.heap.maxThreads)
      throw new RangeError(`No thread ${thread} in this run.`);
    return this.base + this.layout.threadRows + thread * ROW_WORDS.thread + field;
  }

  /**
   * Appends an output line; returns its index, or -1 when a cap dropped it (too many lines, or the
   * text arena is full). Long lines are cut: a flood of output must not end the thread.
   */
  writeOutput(thread: number, timeUs: number, text: string): number {
    const index = Atomics.add(this.i32, this.base + ControlWord.outputCount, 1);
    if (index >= OUTPUT_CAP) return -1;
    const row = this.base + this.layout.outputRows + index * ROW_WORDS.output;
    this.i32[row + OutputRowField.thread] = thread;
    this.i32[row + OutputRowField.timeUs] = timeUs;
    let at: number;
    try {
      at = this.putText(text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}… (line cut)` : text);
    } catch (error) {
      if (!(error instanceof TextTooLargeError)) throw error;
      // Mark the line as dropped so readers do not wait for it, and say so in the report.
      Atomics.store(this.i32, this.base + ControlWord.outputCount, OUTPUT_CAP + 1);
      return -1;
    }
    Atomics.store(this.i32, row + OutputRowField.text, at);
    return index;
  }

  /** Output lines from `from` on that are fully written, and whether lines were dropped. */
  readOutput(from: number): {
    lines: { thread: number; t: number; text: string }[];
    next: number;
    truncated: boolean;
  } {
    const count = this.load(ControlWord.outputCount);
    const lines: { thread: number; t: number; text: string }[] = [];
    let next = from;
    for (; next < Math.min(count, OUTPUT_CAP); next++) {
      const row = this.base + this.layout.outputRows + next * ROW_WORDS.output;
      const text = Atomics.load(this.i32, row + OutputRowField.text);
      if (text === 0) break;
      lines.push({
        thread: this.i32[row + OutputRowField.thread] ?? 0,
        t: (this.i32[row + OutputRowField.timeUs] ?? 0) / 1000,
        text: this.getText(text),
      });
    }
    return { lines, next, truncated: count > OUTPUT_CAP };
  }

  /** Int32 index of a future's state word (its result text offset follows it). */
  futureWord(future: number): number {
    if (!Number.isInteger(future) || future < 0 || future >= MAX_FUTURES)
      throw new RangeError(`Too many futures in one run (the limit is ${MAX_FUTURES}).`);
    return this.base + this.layout.futureRows + future * ROW_WORDS.future + FutureRowField.state;
  }
}
