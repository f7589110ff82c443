import type { DeadlockEdge, Outcome, RunReport, ThreadReport } from '../../contract-types';
import type { Scheduler, StepRunResult, StepThread, StepView } from '../../step';
import type { SearchEngine } from '../strategy';

/**
 * A tiny deterministic model of step mode for the search's unit tests: threads are lists of
 * operations on shared counters and locks, and one step runs one operation. It computes what the
 * real engine does at this grain (enabledness, deadlock cycles, stuck runs, the check), so the
 * strategies and the shrinker are tested on exact, hand-countable schedules without workers.
 */
export type ModelOp =
  | { op: 'read'; object: string } // remembers the counter's value
  | { op: 'write'; object: string } // stores the remembered value + 1
  | { op: 'acquire'; object: string } // enabled only while the lock is free
  | { op: 'release'; object: string }
  | { op: 'local' } // plain code between two scheduling points
  | { op: 'fail'; message: string }; // throws: the thread ends in error

export type ModelProgram = {
  threads: ModelOp[][];
  /** Counters and their initial values; locks need no declaration. */
  shared?: Record<string, number>;
  /** true, or the failure message, as a program's check() returns. */
  check?: (shared: Readonly<Record<string, number>>) => true | string;
};

type ThreadState = { pc: number; seen: number; failed?: string };

export type ModelEngine = SearchEngine & { readonly runs: number };

export function createModelEngine(program: ModelProgram, maxSteps = 10_000): ModelEngine {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    run: async (scheduler) => {
      runs++;
      return runModel(program, scheduler, maxSteps);
    },
  };
}

/** Lost update on every counter: `n` threads each do read-then-write of `counter` once. */
export const lostUpdateModel = (n = 2, padding = 0): ModelProgram => ({
  threads: Array.from({ length: n }, () => [
    ...Array.from({ length: padding }, (): ModelOp => ({ op: 'local' })),
    { op: 'read', object: 'counter' },
    { op: 'write', object: 'counter' },
  ]),
  shared: { counter: 0 },
  check: (s) => s.counter === n || `expected ${n}, got ${s.counter}`,
});

/** Each thread i takes lock i, then lock i + 1 (mod n): a cycle when all hold their first. */
export const lockCycleModel = (n: number, padding = 0): ModelProgram => ({
  threads: Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: padding }, (): ModelOp => ({ op: 'local' })),
    { op: 'acquire', object: `lock${i}` },
    { op: 'acquire', object: `lock${(i + 1) % n}` },
    { op: 'release', object: `lock${(i + 1) % n}` },
    { op: 'release', object: `lock${i}` },
  ]),
});

function runModel(program: ModelProgram, scheduler: Scheduler, maxSteps: number): StepRunResult {
  const shared: Record<string, number> = { ...program.shared };
  const holders = new Map<string, number>();
  const states: ThreadState[] = program.threads.map(() => ({ pc: 0, seen: 0 }));
  const schedule: number[] = [];
  const views: StepView[] = [];

  const threadOf = (id: number): StepThread => {
    const state = states[id] as ThreadState;
    const op = program.threads[id]?.[state.pc];
    const base = { id, name: `T${id}` };
    if (state.failed !== undefined) return { ...base, status: 'error', enabled: false };
    if (!op) return { ...base, status: 'done', enabled: false };
    const pending = 'object' in op ? { op: op.op, object: op.object } : { op: op.op };
    const holder = op.op === 'acquire' ? holders.get(op.object) : undefined;
    if (holder !== undefined) {
      const blockedReason = `waits for ${pending.object}, held by T${holder}`;
      return { ...base, status: 'blocked', enabled: false, pending, blockedReason };
    }
    return { ...base, status: 'ready', enabled: true, pending };
  };

  const apply = (id: number): void => {
    const state = states[id] as ThreadState;
    const op = program.threads[id]?.[state.pc];
    state.pc++;
    if (!op) return;
    if (op.op === 'read') state.seen = shared[op.object] ?? 0;
    else if (op.op === 'write') shared[op.object] = state.seen + 1;
    else if (op.op === 'acquire') holders.set(op.object, id);
    else if (op.op === 'release') holders.delete(op.object);
    else if (op.op === 'fail') state.failed = op.message;
  };

  for (;;) {
    const view: StepView = {
      steps: schedule.length,
      clockMs: 0,
      schedule: [...schedule],
      threads: program.threads.map((_, id) => threadOf(id)),
    };
    const enabled = view.threads.filter((t) => t.enabled);
    if (enabled.length === 0 || schedule.length >= maxSteps) {
      const report = reportOf(program, view, holders, shared, schedule.length >= maxSteps);
      return { report: { ...report, schedule: [...schedule] }, schedule, views };
    }
    const pick = scheduler(view);
    if (!enabled.some((t) => t.id === pick)) {
      throw new Error(`T${pick} cannot move at step ${schedule.length}`);
    }
    views.push(view);
    schedule.push(pick);
    apply(pick);
  }
}

function reportOf(
  program: ModelProgram,
  view: StepView,
  holders: ReadonlyMap<string, number>,
  shared: Record<string, number>,
  cut: boolean,
): RunReport {
  const threads: ThreadReport[] = view.threads.map((t) => ({
    id: t.id,
    role: 'thread',
    status: t.status === 'done' ? 'done' : t.status === 'error' ? 'error' : 'blocked',
    ...(t.status === 'blocked' && t.pending?.object ? { blockedOn: t.pending.object } : {}),
  }));
  const blocked = view.threads.filter((t) => t.status === 'blocked');
  const cycle = cycleOf(
    blocked.map((t) => ({ thread: t.id, waitsFor: t.pending?.object ?? '' })),
    holders,
  );
  const check = program.check?.(shared);
  const outcome: Outcome = cut
    ? 'timeout'
    : cycle
      ? 'deadlock'
      : blocked.length > 0
        ? 'stuck'
        : view.threads.some((t) => t.status === 'error')
          ? 'error'
          : check === undefined || check === true
            ? 'ok'
            : 'check-failed';
  return {
    outcome,
    mode: 'step',
    gil: false,
    wallMs: 0,
    threads,
    ...(cycle ? { deadlock: { cycle } } : {}),
    ...(outcome === 'stuck'
      ? {
          stuck: {
            waiting: blocked.map((t) => ({ thread: t.id, waitsFor: t.pending?.object ?? '' })),
          },
        }
      : {}),
    ...(outcome === 'ok' || outcome === 'check-failed'
      ? {
          check:
            check === true || check === undefined
              ? { passed: true }
              : { passed: false, message: check },
        }
      : {}),
    shared: { ...shared },
    stats: { events: 0, droppedEvents: 0, acquisitions: 0, contended: 0, maxHolders: {} },
    output: [],
  };
}

/** The wait-for cycle among blocked threads, if any: each waits for a lock the next one holds. */
function cycleOf(
  waiting: { thread: number; waitsFor: string }[],
  holders: ReadonlyMap<string, number>,
): DeadlockEdge[] | undefined {
  const edgeOf = new Map(
    waiting.map((w) => [w.thread, { ...w, heldBy: holders.get(w.waitsFor) ?? -1 }]),
  );
  for (const start of edgeOf.keys()) {
    const path: DeadlockEdge[] = [];
    let at: number | undefined = start;
    while (at !== undefined && edgeOf.has(at) && path.length <= edgeOf.size) {
      const edge = edgeOf.get(at) as DeadlockEdge;
      path.push(edge);
      at = edge.heldBy;
      if (at === start) return path;
    }
  }
  return undefined;
}
