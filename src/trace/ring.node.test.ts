import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorker } from '../sync/testing/worker-bundle.node';
import { EventKind } from '../sync/kinds';
import { appendBySeq, SEQ_STEP, TraceRings } from './ring';
import type { TraceEvent } from './types';

// The real ring.ts, bundled for Node workers (see worker-bundle.node.ts). A worker writes `count`
// Acquire events into its own ring, aux = 0 … count-1.
const workerEntry = `
import { parentPort, workerData } from 'node:worker_threads';
import { EventKind } from '../sync/kinds';
import { ALL_EVENTS_MASK, TraceRings } from './ring';
const { rings, seq, control, thread, count } = workerData;
const sink = TraceRings.attach(rings).writer(thread, { i32: new Int32Array(seq), index: 0 }, () => 0, ALL_EVENTS_MASK);
const flags = new Int32Array(control);
parentPort.postMessage('ready');
Atomics.wait(flags, Control.go, 0);
for (let i = 0; i < count; i++) sink.emit(EventKind.Acquire, thread, i, false);
sink.flush();
Atomics.add(flags, Control.done, 1);
parentPort.postMessage('done');
`;

/** Words of the control buffer: the start signal, and how many workers have finished. */
const Control = { go: 0, done: 1 } as const;

let workerFile = '';

beforeAll(async () => {
  workerFile = await bundleWorker({
    contents: `const Control = ${JSON.stringify(Control)};\n${workerEntry}`,
    resolveDir: fileURLToPath(new URL('.', import.meta.url)),
  });
});

type Run = { rings: TraceRings; control: Int32Array; finished: Promise<void> };

/** Starts two workers (threads 0 and 1) together, sharing one seq counter. */
async function runTwoWriters(capacity: number, count: number): Promise<Run> {
  const rings = TraceRings.create(2, capacity);
  const seq = new SharedArrayBuffer(4);
  const control = new SharedArrayBuffer(8);
  const workers = [0, 1].map(
    (thread) =>
      new Worker(workerFile, {
        workerData: { rings: rings.buffer, seq, control, thread, count },
      }),
  );
  const message = (worker: Worker, expected: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m) => m === expected && resolve());
    });
  const finished = Promise.all(workers.map((w) => message(w, 'done'))).then(() =>
    Promise.all(workers.map((w) => w.terminate())).then(() => undefined),
  );
  await Promise.all(workers.map((w) => message(w, 'ready')));
  const flags = new Int32Array(control);
  Atomics.store(flags, Control.go, 1);
  Atomics.notify(flags, Control.go);
  return { rings, control: flags, finished };
}

const auxOf = (events: readonly TraceEvent[], thread: number) =>
  events.filter((e) => e.thread === thread).map((e) => e.aux);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('TraceRings across worker_threads', () => {
  it('loses and duplicates nothing when capacity suffices, in one total order', async () => {
    const count = 20_000;
    const run = await runTwoWriters(count, count);
    await run.finished;
    const events = run.rings.drain();
    expect(run.rings.dropped()).toBe(0);
    expect(events.map((e) => e.seq / SEQ_STEP - 1)).toEqual(range(2 * count));
    expect(auxOf(events, 0)).toEqual(range(count));
    expect(auxOf(events, 1)).toEqual(range(count));
    expect(events.every((e) => e.kind === EventKind.Acquire && e.object === e.thread)).toBe(true);
  });

  it('counts exactly the overflow as dropped when the page never drains', async () => {
    const count = 5_000;
    const run = await runTwoWriters(1024, count);
    await run.finished;
    expect(run.rings.dropped()).toBe(2 * (count - 1024));
    const events = run.rings.drain();
    expect(auxOf(events, 0)).toEqual(range(1024));
    expect(auxOf(events, 1)).toEqual(range(1024));
    expect(new Set(events.map((e) => e.seq)).size).toBe(2048);
  });

  it('drained while written: every event is drained once or counted dropped, in order', async () => {
    const count = 50_000;
    const run = await runTwoWriters(64, count);
    const log: TraceEvent[] = [];
    // The page side spins on the shared done counter: it must never block, and workers do not
    // answer messages while this loop holds the event loop.
    while (Atomics.load(run.control, Control.done) < 2) appendBySeq(log, run.rings.drain());
    appendBySeq(log, run.rings.drain());
    await run.finished;
    expect(log.length + run.rings.dropped()).toBe(2 * count);
    const seqs = log.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const thread of [0, 1]) {
      const aux = auxOf(log, thread);
      expect(aux.every((v, i) => i === 0 || v > (aux[i - 1] ?? Infinity))).toBe(true);
    }
  });
});
