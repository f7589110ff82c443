// Messages between the bench page and its workers. Each worker answers one request at a time.

/** lock.worker: one thread's uncontended loops (figures lock-uncontended-*). */
export type LockRequest =
  | { type: 'setup'; rings: SharedArrayBuffer | null }
  | { type: 'rep'; kind: 'lock' | 'futex'; iterations: number };

/** The objects of the two-worker benchmarks, by object id in the shared heap. */
export type PairIds = {
  lock: number;
  counter: number;
  futex: number;
  semA: number;
  semB: number;
  cond: number;
  turn: number;
  queueA: number;
  queueB: number;
};

export type PairBench =
  | 'contended-lock'
  | 'contended-futex'
  | 'ping-raw'
  | 'ping-semaphore'
  | 'ping-condition'
  | 'ping-queue';

/** pair.worker: one side of a two-worker benchmark (contended locks, ping-pongs). */
export type PairRequest =
  | {
      type: 'setup';
      heap: SharedArrayBuffer;
      control: SharedArrayBuffer;
      side: 0 | 1;
      ids: PairIds;
    }
  | { type: 'run'; bench: PairBench; n: number };

/** tick.worker: one tight loop, as written (`raw`), with the GIL off, and with GIL checks. */
export type TickLoop = 'raw' | 'off' | 'checks';
export type TickRequest =
  { type: 'setup'; source: string } | { type: 'rep'; kind: TickLoop; n: number };

/** Control words of the pair benchmarks (Int32 indices, each on its own 64-byte line). */
export const PairControl = { arrive: 0, turn: 16, words: 32 } as const;

/** Every worker answers with the time its measured loop took (or an error). */
export type Reply = { ms: number } | { error: string };

/** Sends one request and waits for the worker's answer. */
export function request(worker: Worker, message: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<Reply>) => {
      done();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data.ms);
    };
    const onError = (event: ErrorEvent) => {
      done();
      reject(new Error(`worker failed: ${event.message}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage(message);
  });
}

/** Runs a worker's request handler, turning a thrown error into an error reply. */
export function serveRequests<T>(handle: (message: T) => number): void {
  addEventListener('message', (event: MessageEvent<T>) => {
    let reply: Reply;
    try {
      reply = { ms: handle(event.data) };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    postMessage(reply);
  });
}
