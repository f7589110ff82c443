// The runtime's area of the heap (Heap.runtimeArea): every word the runtime shares between the
// page and the workers, laid out once here. Offsets are Int32 word indices from the area's start.
//
// | words                 | what                                                                 |
// | 0 … 31                | control words (ControlWord), the GIL's on their own cache line        |
// | 32 … 32+SPAWN_RING-1  | spawn ring: thread ids waiting for an idle worker                     |
// | …                     | thread rows: per thread, ThreadRowField                               |
// | …                     | output rows: OUTPUT_CAP × OutputRowField                              |
// | …                     | future rows: MAX_FUTURES × FutureRowField                             |
// | … end                 | text arena: length-prefixed UTF-16 strings, bump-allocated, never freed |

/** Control words, by index from the runtime area's start. */
export const ControlWord = {
  /** A RunState: workers serve while Running. */
  runState: 0,
  /** The next thread id to hand out (atomic). */
  nextThread: 1,
  /** Spawn requests published (atomic); idle workers sleep on it. */
  spawnTail: 2,
  /** Spawn requests taken (atomic). */
  spawnHead: 3,
  /** Started non-daemon threads that have not ended; the page waits on it. */
  liveThreads: 4,
  /** Bytes used in the text arena. */
  textCursor: 5,
  /** Output lines written (atomic); past OUTPUT_CAP they are dropped and counted. */
  outputCount: 6,
  /** Thread id + 1 of the thread blocked in input(), 0 when none. */
  inputWaiting: 7,
  /** Bumped by the page when it answers input(); the thread sleeps on it. */
  inputSeq: 8,
  /** Text offset of the answer to input(). */
  inputText: 9,
  /** Futures handed out (atomic). */
  futureCount: 10,
  /** Futures completed (atomic); asCompleted sleeps on it. */
  completions: 11,
  /** Workers waiting for a spawn request. */
  idleWorkers: 12,
  /** Spawn slots reserved (atomic): a pusher's ticket. */
  spawnReserve: 13,
  // Name counters: one per run in shared memory, so names neither depend on which worker made the
  // object nor repeat within a run.
  /** `Thread-N` names handed out this run (atomic). */
  threadNames: 14,
  /** `poolN` names handed out this run (atomic). */
  poolNames: 15,
  /** GIL: owner thread id + 1, 0 when free. */
  gilOwner: 16,
  /** GIL: a waiter asks the holder to drop it. */
  gilDrop: 17,
  /** GIL: bumped at every hand-over; a dropping holder sleeps on it. */
  gilSwitches: 18,
  /** GIL: threads waiting for it. */
  gilWaiters: 19,
} as const;

export type ControlWordName = keyof typeof ControlWord;

const CONTROL_WORDS = 32;

/** Fields of a thread's row in the runtime area. */
export const ThreadRowField = {
  /** Text offset of the thread's descriptor (JSON), 0 until it is registered. */
  descriptor: 0,
  /** Text offset of the thread's error (JSON), 0 unless it failed. */
  error: 1,
} as const;
const THREAD_ROW_WORDS = 2;

/** Fields of an output row. */
export const OutputRowField = { thread: 0, timeUs: 1, text: 2 } as const;
const OUTPUT_ROW_WORDS = 3;

/** Fields of a future row. */
export const FutureRowField = { state: 0, result: 1 } as const;
const FUTURE_ROW_WORDS = 2;

/** Spawn requests that can wait for a worker at once. */
export const SPAWN_RING = 128;
/** Output lines kept per run; later lines are counted and dropped (the UI says "output truncated"). */
export const OUTPUT_CAP = 10_000;
/** Characters kept of one output line. */
export const MAX_LINE = 4000;
/** Futures per run. */
export const MAX_FUTURES = 4096;
/** Bytes of text per run: thread arguments and results, output, input, errors. */
export const TEXT_ARENA_BYTES = 1 << 20;

/** Word offsets (from the runtime area's start) of each region, and the area's size in bytes. */
export type ControlLayout = {
  spawnRing: number;
  threadRows: number;
  outputRows: number;
  futureRows: number;
  /** Byte offset (from the area's start) of the text arena. */
  textBytes: number;
  /** The whole area, in bytes. */
  bytes: number;
};

/** The one computation of the area's layout, for a heap of `maxThreads` threads. */
export function controlLayout(maxThreads: number): ControlLayout {
  const spawnRing = CONTROL_WORDS;
  const threadRows = spawnRing + SPAWN_RING;
  const outputRows = threadRows + maxThreads * THREAD_ROW_WORDS;
  const futureRows = outputRows + OUTPUT_CAP * OUTPUT_ROW_WORDS;
  const textBytes = (futureRows + MAX_FUTURES * FUTURE_ROW_WORDS) * 4;
  return {
    spawnRing,
    threadRows,
    outputRows,
    futureRows,
    textBytes,
    bytes: textBytes + TEXT_ARENA_BYTES,
  };
}

export const ROW_WORDS = {
  thread: THREAD_ROW_WORDS,
  output: OUTPUT_ROW_WORDS,
  future: FUTURE_ROW_WORDS,
} as const;
