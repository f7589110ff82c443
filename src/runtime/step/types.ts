import type { RunReport } from '../contract-types';

// The step-mode engine's interface: the API's StepState, and what search strategies code against.

/** A thread's next operation, published before it moves (`op` e.g. `acquire`, `read`, `sleep`). */
export type PendingOp = { op: string; object?: string; line?: number };

/**
 * One step as it was taken: who moved, the operation it moved through, and who could not move
 * then and why. The step timeline draws the run from these (a replayed step leaves no StepState).
 */
export type TakenStep = {
  thread: number;
  op?: PendingOp;
  /** Live threads that could not move at that step, with the reason (absent when none). */
  waiting?: { thread: number; reason: string }[];
};

export type StepThread = {
  id: number;
  name: string;
  status: 'ready' | 'blocked' | 'sleeping' | 'done' | 'error';
  enabled: boolean;
  pending?: PendingOp;
  blockedReason?: string;
};

export type StepView = {
  steps: number;
  clockMs: number;
  schedule: number[];
  threads: StepThread[];
};

/** Picks the next thread; must return the id of an enabled thread in `view`. */
export type Scheduler = (view: StepView) => number;

export type StepRunResult = {
  report: RunReport;
  schedule: number[];
  /** The view before each step, for strategies that learn (empty unless asked for). */
  views: StepView[];
  /**
   * For a planned scheduler (./plan.ts): whether its prefix named a thread that could not move
   * at its step (the run then went on with the plan's policy). Undefined for other schedulers.
   */
  diverged?: boolean | undefined;
};

/** What `stepState()` answers (the public contract): the view, and the report once the run ended. */
export type StepState = StepView & { report?: RunReport };
