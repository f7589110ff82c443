import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventKind, Heap, Lock, SharedInt } from '../sync';
import { TraceRings } from './ring';
import type { TraceEvent } from './types';

// The key order on real threads, with the real Lock and SharedInt writing into real rings: each
// worker increments a counter under a lock, reading and writing it (counted events) on every
// `every`-th round and a plain untraced word on the others (so most hand-offs have no counted
// event between them). Only a right total order makes the merged trace read like one thread.
const workerEntry = `
import { parentPort, workerData } from 'node:worker_threads';
import { Heap, Lock, SEQ_WORD, SharedInt, attach, setContext } from '../sync';
import { ALL_EVENTS_MASK, TraceRings } from './ring';
const { heapBuffer, ringBuffer, lockId, counterId, plainWord, thread, rounds, every } = workerData;
const heap = Heap.attach(heapBuffer);
const sink = TraceRings.attach(ringBuffer).writer(
  thread, { i32: heap.i32, index: SEQ_WORD }, () => 0, ALL_EVENTS_MASK);
setContext({ threadId: thread, threadName: 't' + thread, sink, hooks: null });
const lock = attach(Lock, heap, lockId);
const counter = attach(SharedInt, heap, counterId);
parentPort.postMessage('ready');
parentPort.once('message', () => {
  for (let i = 0; i < rounds; i++) {
    lock.acquire();
    if (i % every === 0) counter.value = counter.value + 1;
    else heap.i32[plainWord] = heap.i32[plainWord] + 1;
    lock.release();
  }
  sink.flush();
  parentPort.postMessage('done');
});
`;

let workerCode = '';

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: workerEntry,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
  });
  workerCode = bundle.outputFiles[0]?.text ?? '';
});

type Outcome = { events: TraceEvent[]; dropped: number; counter: number; plain: number };

async function incrementUnderLock(threads: number, rounds: number, every: number) {
  const heap = Heap.create({ maxThreads: threads, maxObjects: 8 });
  const lock = new Lock(heap);
  const counter = new SharedInt(heap, 0);
  const plain = new SharedInt(heap, 0);
  const plainWord = Heap.wordOf(heap.objectInfo(plain.id).offset);
  const rings = TraceRings.create(threads, 4 * rounds);
  const workers = Array.from(
    { length: threads },
    (_, thread) =>
      new Worker(workerCode, {
        eval: true,
        workerData: {
          heapBuffer: heap.buffer,
          ringBuffer: rings.buffer,
          lockId: lock.id,
          counterId: counter.id,
          plainWord,
          thread,
          rounds,
          every,
        },
      }),
  );
  const next = (worker: Worker, expected: string) =>
    new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m) => (m === expected ? resolve() : reject(new Error(String(m)))));
    });
  try {
    await Promise.all(workers.map((w) => next(w, 'ready')));
    const done = workers.map((w) => next(w, 'done'));
    for (const w of workers) w.postMessage('go');
    await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return {
    events: rings.drain(),
    dropped: rings.dropped(),
    counter: heap.i32[Heap.wordOf(heap.objectInfo(counter.id).offset)] ?? NaN,
    plain: heap.i32[plainWord] ?? NaN,
  } satisfies Outcome;
}

/** Every way the merged trace could fail to read like one thread taking turns. */
function orderViolations({ events }: Outcome): string[] {
  const problems: string[] = [];
  let holder = -1;
  let expectedRead = 0;
  let lastRead = -1;
  events.forEach((e, i) => {
    if (i > 0 && e.seq <= (events[i - 1]?.seq ?? Infinity)) problems.push(`seq not unique at ${i}`);
    if (e.kind === EventKind.Acquire) {
      if (holder !== -1) problems.push(`#${i}: t${e.thread} acquires while t${holder} holds`);
      holder = e.thread;
    } else if (e.kind === EventKind.Release) {
      if (holder !== e.thread) problems.push(`#${i}: t${e.thread} releases, holder t${holder}`);
      holder = -1;
    } else if (e.kind === EventKind.Read) {
      if (e.value !== expectedRead) problems.push(`#${i}: read ${e.value}, not ${expectedRead}`);
      if (holder !== e.thread) problems.push(`#${i}: t${e.thread} reads outside its hold`);
      lastRead = e.thread;
    } else if (e.kind === EventKind.Write) {
      if (lastRead !== e.thread || e.value !== expectedRead + 1)
        problems.push(`#${i}: t${e.thread} wrote ${e.value} after t${lastRead}'s read`);
      expectedRead++;
    }
  });
  return problems.slice(0, 5);
}

describe('trace keys across worker_threads', () => {
  it.each([
    { threads: 2, rounds: 20_000, every: 1 },
    { threads: 2, rounds: 20_000, every: 7 },
    { threads: 3, rounds: 10_000, every: 200 },
  ])(
    '$threads threads × $rounds rounds, traced counter every $every: one total order',
    async ({ threads, rounds, every }) => {
      // Several runs: the hand-offs interleave differently every time.
      for (let run = 0; run < 3; run++) {
        const outcome = await incrementUnderLock(threads, rounds, every);
        expect(outcome.dropped).toBe(0);
        const traced = threads * Math.ceil(rounds / every);
        expect(outcome.counter).toBe(traced);
        expect(outcome.plain).toBe(threads * rounds - traced);
        const acquires = outcome.events.filter((e) => e.kind === EventKind.Acquire);
        expect(acquires).toHaveLength(threads * rounds);
        expect(orderViolations(outcome)).toEqual([]);
      }
    },
    60_000,
  );
});
