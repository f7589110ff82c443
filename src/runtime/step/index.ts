// Step mode's engine, as the rest of the runtime uses it (the Session, search strategies).
export type { PendingOp, Scheduler, StepRunResult, StepState, StepThread, StepView } from './types';
export { runStepped, seededScheduler, startStepped } from './run-stepped';
export { plannedScheduler } from './plan';
export type { Plan, PlannedScheduler } from './plan';
export type { RunSteppedOptions, SteppedOptions, SteppedRun } from './run-stepped';
export { StepController } from './step-controller';
export type { DriverOptions, Pick } from './driver';
