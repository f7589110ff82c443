// Figures of the primitives themselves (docs/budgets.md, first rows): each against a baseline
// measured in the same page, alternating the two so machine noise hits both alike.
import { Condition, Heap, Lock, Queue, Semaphore, SharedInt } from '../src/sync';
import { TraceRings } from '../src/trace/ring';
import { measure, median, reported, round, type Figure, type Figures } from './figure';
import { PairControl, request, type PairBench, type PairIds, type PairRequest } from './protocol';

const REPS = 7;
/** The traced ring's size (events): one rep of two events per iteration fills it, no more. */
const RING_EVENTS = 65_536;
const UNCONTENDED_REPS = 61;
const UNCONTENDED_WARMUP_REPS = 10;
const CONTENDED_PER_WORKER = 500_000;
const PING_ROUND_TRIPS = 2_000;

function lockWorker(): Worker {
  return new Worker(new URL('./lock.worker.ts', import.meta.url), {
    type: 'module',
    name: 'bench-lock',
  });
}

function pairWorker(side: 0 | 1): Worker {
  return new Worker(new URL('./pair.worker.ts', import.meta.url), {
    type: 'module',
    name: `bench-pair-${side}`,
  });
}

/** Lock acquire+release vs the futex lock in one worker; `traced` turns every event on. */
async function uncontended(traced: boolean): Promise<Figure> {
  // Two events per iteration (one ring slot: an acquire and its release share one): a repetition
  // fits the ring, and the page drains it between repetitions, so no event is dropped (a dropped
  // event is cheaper than a written one). The ring is reused, as a run's rings are.
  const iterations = RING_EVENTS / 2;
  const rings = traced ? TraceRings.create(1, RING_EVENTS) : null;
  const worker = lockWorker();
  let events = 0;
  const drain = () => {
    if (rings) events += rings.drain().length;
  };
  try {
    await request(worker, { type: 'setup', rings: rings?.buffer ?? null });
    const ratios: number[] = [];
    const lockMs: number[] = [];
    const futexMs: number[] = [];
    for (let rep = -UNCONTENDED_WARMUP_REPS; rep < UNCONTENDED_REPS; rep++) {
      const futex = await request(worker, { type: 'rep', kind: 'futex', iterations });
      const lock = await request(worker, { type: 'rep', kind: 'lock', iterations });
      drain();
      if (rep < 0) continue;
      futexMs.push(futex);
      lockMs.push(lock);
      ratios.push(futex / lock);
    }
    const value = round(median(ratios));
    const budget = traced ? 0.4 : 0.8;
    const perOpNs = (ms: number) => round((ms * 1e6) / iterations, 1);
    return {
      value,
      unit: 'x',
      budget: `≥ ${budget}`,
      pass: value >= budget,
      baseline: '3-state futex lock (Drepper), same worker, same heap',
      lockNsPerOp: perOpNs(median(lockMs)),
      futexNsPerOp: perOpNs(median(futexMs)),
      iterationsPerRep: iterations,
      reps: UNCONTENDED_REPS,
      quartiles: quartiles(ratios),
      ...(rings
        ? { ringEvents: RING_EVENTS, drainedEvents: events, droppedEvents: rings.dropped() }
        : {}),
    };
  } finally {
    worker.terminate();
  }
}

/** The 25th and 75th percentiles of the per-repetition ratios: how noisy the median is. */
function quartiles(samples: readonly number[]): [number, number] {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.floor(q * (sorted.length - 1))] ?? NaN);
  return [at(0.25), at(0.75)];
}

/** Two workers and the shared objects of every two-worker benchmark. */
export class Pair {
  readonly heap = Heap.create({ maxThreads: 4, maxObjects: 32 });
  readonly control = new Int32Array(new SharedArrayBuffer(PairControl.words * 4));
  readonly workers: [Worker, Worker] = [pairWorker(0), pairWorker(1)];
  readonly counter: SharedInt;
  readonly turn: SharedInt;
  readonly ids: PairIds;

  constructor() {
    const heap = this.heap;
    const lock = new Lock(heap);
    this.counter = new SharedInt(heap, 0);
    const futex = new SharedInt(heap, 0);
    const semA = new Semaphore(heap, 0);
    const semB = new Semaphore(heap, 0);
    const cond = new Condition(heap, new Lock(heap));
    this.turn = new SharedInt(heap, 0);
    const queueA = new Queue(heap);
    const queueB = new Queue(heap);
    this.ids = {
      lock: lock.id,
      counter: this.counter.id,
      futex: futex.id,
      semA: semA.id,
      semB: semB.id,
      cond: cond.id,
      turn: this.turn.id,
      queueA: queueA.id,
      queueB: queueB.id,
    };
  }

  async setup(): Promise<void> {
    await Promise.all(
      this.workers.map((w, side) =>
        request(w, {
          type: 'setup',
          heap: this.heap.buffer,
          control: this.control.buffer as SharedArrayBuffer,
          side: side as 0 | 1,
          ids: this.ids,
        } satisfies PairRequest),
      ),
    );
  }

  /** Runs one benchmark on both sides; returns each side's time. */
  async run(bench: PairBench, n: number): Promise<[number, number]> {
    Atomics.store(this.control, PairControl.arrive, 0);
    Atomics.store(this.control, PairControl.turn, 0);
    this.counter.value = 0;
    this.turn.value = 0;
    const [a, b] = await Promise.all(
      this.workers.map((w) => request(w, { type: 'run', bench, n } satisfies PairRequest)),
    );
    return [a ?? NaN, b ?? NaN];
  }

  close(): void {
    for (const w of this.workers) w.terminate();
  }
}

/** 2 workers × N acquire / plain increment / release on one lock, Lock vs the futex lock. */
async function contended(pair: Pair): Promise<Figure> {
  const n = CONTENDED_PER_WORKER;
  const ratios: number[] = [];
  const lockOps: number[] = [];
  const futexOps: number[] = [];
  let exact = true;
  await pair.run('contended-futex', n / 10);
  await pair.run('contended-lock', n / 10);
  for (let rep = 0; rep < REPS; rep++) {
    const futex = Math.max(...(await pair.run('contended-futex', n)));
    exact &&= pair.counter.value === 2 * n;
    const lock = Math.max(...(await pair.run('contended-lock', n)));
    exact &&= pair.counter.value === 2 * n;
    lockOps.push((2 * n) / lock / 1000);
    futexOps.push((2 * n) / futex / 1000);
    ratios.push(futex / lock);
  }
  const value = round(median(ratios));
  return {
    value,
    unit: 'x',
    budget: '≥ 0.7',
    pass: value >= 0.7 && exact,
    baseline: '3-state futex lock (Drepper), same 2 workers',
    lockMOpsPerS: round(median(lockOps), 2),
    futexMOpsPerS: round(median(futexOps), 2),
    countExact: exact,
    opsPerWorker: n,
    samples: ratios.map((r) => round(r)),
  };
}

/** Semaphore, Condition and Queue ping-pongs vs a raw Atomics.wait/notify ping-pong. */
async function pingPongs(pair: Pair): Promise<Figures> {
  const n = PING_ROUND_TRIPS;
  const kinds = ['ping-semaphore', 'ping-condition', 'ping-queue'] as const;
  const raw: number[] = [];
  const times: Record<(typeof kinds)[number], number[]> = {
    'ping-semaphore': [],
    'ping-condition': [],
    'ping-queue': [],
  };
  const ratios: Record<(typeof kinds)[number], number[]> = {
    'ping-semaphore': [],
    'ping-condition': [],
    'ping-queue': [],
  };
  for (const kind of ['ping-raw', ...kinds] as const) await pair.run(kind, n / 10);
  for (let rep = 0; rep < 5; rep++) {
    const [rawMs] = await pair.run('ping-raw', n);
    raw.push(rawMs);
    for (const kind of kinds) {
      const [ms] = await pair.run(kind, n);
      times[kind].push(ms);
      ratios[kind].push(rawMs / ms);
    }
  }
  const us = (ms: number) => round((ms * 1000) / n, 2);
  const figure = (kind: (typeof kinds)[number]) =>
    reported(median(ratios[kind]), 'x', {
      baseline: 'raw Atomics.wait/notify ping-pong between the same 2 workers',
      roundTripUs: us(median(times[kind])),
      baselineRoundTripUs: us(median(raw)),
      roundTrips: n,
      samples: ratios[kind].map((r) => round(r)),
    });
  const [semaphore, condition, queue] = PING_PONG_FIGURES;
  return {
    [semaphore]: figure('ping-semaphore'),
    [condition]: figure('ping-condition'),
    [queue]: figure('ping-queue'),
  };
}

const PING_PONG_FIGURES = [
  'semaphore-ping-pong-vs-raw-wait-notify',
  'condition-ping-pong-vs-raw-wait-notify',
  'queue-put-get-ping-pong-vs-raw-wait-notify',
] as const;

export async function primitiveFigures(wanted: (name: string) => boolean): Promise<Figures> {
  const figures: Figures = {};
  if (wanted('lock-uncontended-vs-futex'))
    await measure(figures, 'lock-uncontended-vs-futex', 'x', '≥ 0.8', () => uncontended(false));
  if (wanted('lock-uncontended-traced-vs-futex'))
    await measure(figures, 'lock-uncontended-traced-vs-futex', 'x', '≥ 0.4', () =>
      uncontended(true),
    );
  const pings = PING_PONG_FIGURES.some(wanted) || wanted('ping-pong');
  if (!wanted('lock-contended-vs-futex') && !pings) return figures;
  const pair = new Pair();
  try {
    await pair.setup();
    if (wanted('lock-contended-vs-futex'))
      await measure(figures, 'lock-contended-vs-futex', 'x', '≥ 0.7', () => contended(pair));
    if (pings) {
      const group: Figures = {};
      await measure(group, 'ping-pongs', 'x', 'report', async () => {
        Object.assign(figures, await pingPongs(pair));
        return reported(0, 'x');
      });
      const failure = group['ping-pongs'];
      if (failure?.error) for (const name of PING_PONG_FIGURES) figures[name] = failure;
    }
  } finally {
    pair.close();
  }
  return figures;
}
