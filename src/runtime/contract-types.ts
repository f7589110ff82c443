// The public contracts of docs/contracts.md, as types. Course pages and links depend on them: change
// them only with a note saying why.

import type { ParamValue, State } from './state-schema';

// `State` and `ParamValue` are derived from the schema that also validates them.
export type { ParamValue, State };

export type Outcome =
  'ok' | 'check-failed' | 'deadlock' | 'stuck' | 'error' | 'stopped' | 'timeout';

export type ThreadReport = {
  id: number;
  role: string;
  status: 'done' | 'blocked' | 'error' | 'running';
  blockedOn?: string;
  error?: { message: string; line?: number; column?: number };
};

export type DeadlockEdge = { thread: number; waitsFor: string; heldBy: number };

export type RunReport = {
  outcome: Outcome;
  mode: 'parallel' | 'step';
  gil: boolean;
  wallMs: number;
  threads: ThreadReport[];
  deadlock?: { cycle: DeadlockEdge[] };
  stuck?: { waiting: { thread: number; waitsFor: string }[] };
  check?: { passed: boolean; message?: string };
  shared: Record<string, number | number[]>;
  stats: {
    events: number;
    droppedEvents: number;
    acquisitions: number;
    contended: number;
    maxHolders: Record<string, number>;
  };
  output: { thread: number; t: number; text: string }[];
  schedule?: number[];
  /**
   * Writes based on a stale read, found in the trace (trace/lost-updates.ts): `thread` wrote
   * `wrote` over `overwrote`, another thread's write made after `thread` last read `variable`.
   * Atomic add and compareExchange are never stale. Absent means none (or values untraced).
   */
  lostUpdates?: {
    variable: string;
    thread: number;
    wrote: number;
    overwrote: { thread: number; value: number };
  }[];
};

export type SweepOptions = {
  threads?: number[];
  repeats?: number;
  vary?: Record<string, ParamValue[]>;
};

export type SweepPoint = { threads: number; wallMs: number[]; medianMs: number; speedup: number };

export type SweepResult = {
  hardwareConcurrency: number;
  series: { label: string; params: Record<string, ParamValue>; points: SweepPoint[] }[];
  amdahl?: { serialFraction: number };
};

export type SearchStrategyName = 'pct' | 'random' | 'exhaustive';

export type SearchOptions = {
  strategy?: SearchStrategyName;
  /** PCT's bug depth d (1–3): d − 1 priority change points per run. */
  depth?: number;
  /** The exhaustive strategy's bound on preemptions per schedule. */
  preemptions?: number;
  maxRuns?: number;
  maxMs?: number;
};

export type SearchResult = {
  found: boolean;
  runs: number;
  ms: number;
  strategy: string;
  /** Exhaustive only: every schedule within the preemption bound ran. */
  complete?: boolean;
  /** The shrunk failing schedule (every step of its replay). */
  schedule?: number[];
  /** The report of replaying `schedule`. */
  report?: RunReport;
};

/** While a search runs; `best` appears once a failure is found and shrinks as shrinking goes on. */
export type SearchProgress = {
  runs: number;
  ms: number;
  best?: { steps: number; preemptions: number };
};
