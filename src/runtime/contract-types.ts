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
