import type { ProgramRun, RunOptions } from './run-program';

/**
 * Where runs execute. The app runs them in a sandboxed runner frame (runner-client.ts), its own
 * process, so a program that exhausts memory or scribbles on its run's memory takes down only
 * that frame; tests and tools may run them in the same realm with a {@link LocalRunner}.
 */
export interface Runner {
  start(options: RunOptions): ProgramRun;
}
