// The public contracts of DESIGN.md §3, as types. Course pages and links depend on them: change
// them only with a note saying why.

export type ParamValue = number | boolean | string;

/** What a share link holds. `code` absent means the demo's own program. */
export type State = {
  v: 1;
  demo: string;
  code?: string;
  params?: Record<string, ParamValue>;
  mode?: 'parallel' | 'step';
  schedule?: number[];
};

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
