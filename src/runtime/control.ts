import type { Heap } from '../sync';

// The runtime's area of the heap (Heap.runtimeArea) — word offsets from its start
// | word          | name            | meaning                                                    |
// | 0             | runState        | RunState: workers serve while Running                       |
// | 1             | nextThread      | next thread id to hand out (atomic)                          |
// | 2             | spawnTail       | spawn requests pushed (atomic); idle workers sleep on it     |
// | 3             | spawnHead       | spawn requests taken (atomic)                                |
// | 4             | liveThreads     | started non-daemon threads that have not ended               |
// | 5             | textCursor      | bytes used in the text arena (atomic bump)                   |
// | 6             | outputCount     | output lines written (atomic); past OUTPUT_CAP they are dropped |
// | 7             | inputWaiting    | thread id + 1 blocked in input(), 0 when none                |
// | 8             | inputSeq        | bumped by the page when it answers; the thread sleeps on it  |
// | 9             | inputText       | text offset of the answer                                    |
// | 10            | futureCount     | futures handed out (atomic)                                  |
// | 11            | completions     | futures completed (atomic); asCompleted sleeps on it         |
// | 12            | idleWorkers     | workers waiting for a spawn request                          |
// | 13            | spawnReserve    | spawn slots reserved (atomic): a pusher's ticket             |
// | 14            | threadNames     | `Thread-N` names handed out this run (atomic)                |
// | 15            | poolNames       | `poolN` names handed out this run (atomic)                   |
// | 16 … 19       | GIL             | owner + 1, drop request, switches, waiters (own cache line)  |
// | 32 …          | spawn ring      | SPAWN_RING thread ids                                        |
// | …             | thread rows     | per thread: descriptor text, error text, daemon flag, spare  |
// | …             | output rows     | OUTPUT_CAP × (thread, timeUs, text)                          |
// | …             | future rows     | MAX_FUTURES × (state, result text)                           |
// | …             | text arena      | length-prefixed UTF-16 strings, never freed within a run     |

export const RunState = { Preparing: 0, Running: 1, Ending: 2 } as const;
export const FutureState = { Pending: 0, Running: 1, Done: 2, Failed: 3, Cancelled: 4 } as const;

export const C = {
  runState: 0,
  nextThread: 1,
  spawnTail: 2,
  spawnHead: 3,
  liveThreads: 4,
  textCursor: 5,
  outputCount: 6,
  inputWaiting: 7,
  inputSeq: 8,
  inputText: 9,
  futureCount: 10,
  completions: 11,
  idleWorkers: 12,
  spawnReserve: 13,
  // Name counters: one per run in shared memory, so names neither depend on which worker made the
  // object nor repeat within a run.
  threadNames: 14,
  poolNames: 15,
  gilOwner: 16,
  gilDrop: 17,
  gilSwitches: 18,
  gilWaiters: 19,
} as const;

const SPAWN_RING = 128;
const THREAD_ROW = 4;
/** Output lines kept per run; later lines are counted and dropped (the UI says "output truncated"). */
export const OUTPUT_CAP = 10_000;
/** Characters kept of one output line. */
const MAX_LINE = 4000;
/** Futures per run. */
export const MAX_FUTURES = 4096;
const TEXT_ARENA_BYTES = 1 << 20;

/** Bytes the runtime asks the heap to reserve for a heap of `maxThreads` threads. */
export function runtimeBytesFor(maxThreads: number): number {
  return (
    (32 + SPAWN_RING + maxThreads * THREAD_ROW + OUTPUT_CAP * 3 + MAX_FUTURES * 2) * 4 +
    TEXT_ARENA_BYTES
  );
}

export class TextTooLargeError extends RangeError {}

/** Typed access to the runtime's words; shared by the page and every worker. */
export class Control {
  readonly i32: Int32Array;
  private readonly base: number;
  private readonly threadRows: number;
  private readonly outputRows: number;
  private readonly futureRows: number;
  private readonly textStart: number;
  private readonly textEnd: number;

  constructor(readonly heap: Heap) {
    const { offset, bytes } = heap.runtimeArea;
    this.i32 = heap.i32;
    this.base = offset >> 2;
    this.threadRows = this.base + 32 + SPAWN_RING;
    this.outputRows = this.threadRows + heap.maxThreads * THREAD_ROW;
    this.futureRows = this.outputRows + OUTPUT_CAP * 3;
    this.textStart = (this.futureRows + MAX_FUTURES * 2) * 4;
    this.textEnd = offset + bytes;
  }

  /** Int32 index of a control word. */
  word(field: number): number {
    return this.base + field;
  }

  load(field: number): number {
    return Atomics.load(this.i32, this.base + field);
  }

  store(field: number, value: number): void {
    Atomics.store(this.i32, this.base + field, value);
  }

  /** Stores a string in the text arena; returns its byte offset. */
  putText(text: string): number {
    const bytes = 4 + text.length * 2;
    const at = this.textStart + Atomics.add(this.i32, this.base + C.textCursor, (bytes + 3) & ~3);
    if (at + bytes > this.textEnd) {
      throw new TextTooLargeError(
        'Out of memory for text this run (thread arguments, results, output, input).',
      );
    }
    this.i32[at >> 2] = text.length;
    const u16 = this.heap.u16;
    const start = (at + 4) >> 1;
    for (let i = 0; i < text.length; i++) u16[start + i] = text.charCodeAt(i);
    return at;
  }

  getText(at: number): string {
    const length = this.i32[at >> 2] ?? 0;
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
    const ticket = Atomics.add(this.i32, this.base + C.spawnReserve, 1);
    if (ticket - Atomics.load(this.i32, this.base + C.spawnHead) >= SPAWN_RING) {
      throw new RangeError('Too many threads waiting to start at once.');
    }
    Atomics.store(this.i32, this.base + 32 + (ticket % SPAWN_RING), thread);
    // Publish in ticket order: the tail only passes a slot once it is written. The spin lasts
    // only while an earlier pusher is between its two stores.
    while (
      Atomics.compareExchange(this.i32, this.base + C.spawnTail, ticket, ticket + 1) !== ticket
    );
    Atomics.notify(this.i32, this.base + C.spawnTail);
  }

  /** Takes the next spawn request, or returns -1 when there is none. */
  takeSpawn(): number {
    for (;;) {
      const head = Atomics.load(this.i32, this.base + C.spawnHead);
      if (head >= Atomics.load(this.i32, this.base + C.spawnTail)) return -1;
      if (Atomics.compareExchange(this.i32, this.base + C.spawnHead, head, head + 1) === head) {
        return Atomics.load(this.i32, this.base + 32 + (head % SPAWN_RING));
      }
    }
  }

  /** Spawn requests not yet taken by a worker. */
  pendingSpawns(): number {
    return this.load(C.spawnTail) - this.load(C.spawnHead);
  }

  /** Int32 index of a field (0 descriptor text, 1 error text, 2 daemon) of a thread's row. */
  threadField(thread: number, field: 0 | 1 | 2 | 3): number {
    return this.threadRows + thread * THREAD_ROW + field;
  }

  /**
   * Appends an output line; returns its index, or -1 when a cap dropped it (too many lines, or the
   * text arena is full). Long lines are cut: a flood of output must not end the thread.
   */
  writeOutput(thread: number, timeUs: number, text: string): number {
    const index = Atomics.add(this.i32, this.base + C.outputCount, 1);
    if (index >= OUTPUT_CAP) return -1;
    const row = this.outputRows + index * 3;
    this.i32[row] = thread;
    this.i32[row + 1] = timeUs;
    let at: number;
    try {
      at = this.putText(text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}… (line cut)` : text);
    } catch (error) {
      if (!(error instanceof TextTooLargeError)) throw error;
      // Mark the line as dropped so readers do not wait for it, and say so in the report.
      Atomics.store(this.i32, this.base + C.outputCount, OUTPUT_CAP + 1);
      return -1;
    }
    Atomics.store(this.i32, row + 2, at);
    return index;
  }

  /** Output lines from `from` on that are fully written, and whether lines were dropped. */
  readOutput(from: number): {
    lines: { thread: number; t: number; text: string }[];
    next: number;
    truncated: boolean;
  } {
    const count = this.load(C.outputCount);
    const lines: { thread: number; t: number; text: string }[] = [];
    let next = from;
    for (; next < Math.min(count, OUTPUT_CAP); next++) {
      const row = this.outputRows + next * 3;
      const text = Atomics.load(this.i32, row + 2);
      if (text === 0) break;
      lines.push({
        thread: this.i32[row] ?? 0,
        t: (this.i32[row + 1] ?? 0) / 1000,
        text: this.getText(text),
      });
    }
    return { lines, next, truncated: count > OUTPUT_CAP };
  }

  /** Int32 index of a future's state word (its result text follows it). */
  futureWord(future: number): number {
    if (future < 0 || future >= MAX_FUTURES)
      throw new RangeError(`Too many futures in one run (the limit is ${MAX_FUTURES}).`);
    return this.futureRows + future * 2;
  }
}
