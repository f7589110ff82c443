// Trace rings — one single-producer/single-consumer ring per thread, in their own SharedArrayBuffer.
// The thread writes (ring-writer.ts); the page drains on animation frames and never blocks (ring.ts).
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
// Slot (4 Int32 words): | key | (aux & 0xffffff) << 8 | kind | object | word |
// `word` is timeUs (-1 when no clock was read) or, for the shared-value kinds (Read … CasFailed),
// the value (value-codec.ts for floats). `key` orders events across threads (ring-writer.ts).
// Kind HOLD_SLOT (0, no EventKind) is a lock's acquire and release in one slot: key is the
// acquire's, aux the acquire's, word the release's key (its aux is 0).
//
// Protocol: the writer stores the four words with plain writes, then publishes with
// Atomics.store(writeCount); the reader Atomics.loads writeCount before reading slots and
// publishes readCount after — the sequentially consistent pair orders the plain accesses
// (a Lamport SPSC queue). A full ring drops the new event, never an unread one.
// Capacity is rounded up to a power of two so slot indices stay right when the counters wrap.

export const MAGIC = 0x7ace0001;
export const LINE_WORDS = 64 / 4;
export const SLOT_WORDS = 4;
export const Header = { magic: 0, maxThreads: 1, capacity: 2 } as const;
export const Counter = { writeCount: 0, readCount: 1, dropped: 2 } as const;
export const HOLD_SLOT = 0;

/**
 * Keys per tick of the run's shared event counter. An event counted on it (Atomics.add returned
 * s) has key s · SEQ_STEP; a lock hand-off takes one of the SEQ_STEP − 1 keys after the newest
 * counted event (ring-writer.ts).
 */
export const SEQ_STEP = 64;
