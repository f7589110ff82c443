import type { RunReport } from '../contract-types';

export type PendingOp = { op: string; object?: string; line?: number };
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
  views: StepView[]; /* the view before each step */
};
