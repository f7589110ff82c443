import type { ParamValue } from './contract-types';
import type { Instrumented } from './position-map';
import type { Declaration } from './program-source';

/** Everything a worker needs to take part in a run; sent once per run over Comlink. */
export type RunConfig = {
  heap: SharedArrayBuffer;
  rings: SharedArrayBuffer;
  source: string;
  /** The top-level declarations, read by the runner (./analyze-source.ts): objects are named after them. */
  declarations: Declaration[];
  /** With the GIL on: the source with the GIL's checks, made once by the runner (./instrument.ts). */
  instrumented?: Instrumented;
  params: Readonly<Record<string, ParamValue>>;
  gil: boolean;
  seed: number;
  /** The run's time zero, in epoch ms (workers have different timeOrigins). */
  startEpochMs: number;
  /** work(1) = this many iterations of the busy-work kernel (measured once per pool). */
  workItersPerMs: number;
  /** Bit set of traced EventKinds. */
  traceMask: number;
  /** Step mode: the run's step board (src/runtime/step/board.ts); absent in parallel mode. */
  step?: SharedArrayBuffer;
};

/** What every thread records about itself: how the UI and the report name it. */
type ThreadIdentity = { role: string; name: string; daemon: boolean };

/** What a thread is asked to run (stored as JSON in the thread's control row). */
export type ThreadDescriptor = ThreadIdentity &
  (
    | /** An exported function of the program, called with `args`. */
      { target: 'function'; fn: string; args: unknown[] }
      /** A ThreadPool's worker thread: runs tasks from the pool's queue until it closes. */
    | { target: 'pool-worker'; queue: number }
    /** A Timer: waits until `dueMs` on the run's clock (unless cancelled), then calls `fn(...args)`. */
    | { target: 'timer'; fn: string; args: unknown[]; dueMs: number; future: number }
  );

/** What the init pass learns about a program. */
export type ProgramInfo = {
  form: 'spmd' | 'python';
  /** The SPMD `threads` export, when a number. */
  threads?: number;
  /** Roles in declaration order, when the program exports `roles`. */
  roles?: { name: string; count: number }[];
  hasCheck: boolean;
  exports: string[];
};
