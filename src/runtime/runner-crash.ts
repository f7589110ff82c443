import type { RunReport } from './contract-types';
import { reportFromLog } from './build-report';
import type { LiveLog } from './live-log';
import { RUNNER_CRASHED } from './runner-protocol';

/** A call to the runner frame that cannot be answered: the frame died (runner-client.ts). */
export class RunnerCrashedError extends Error {
  constructor() {
    super(RUNNER_CRASHED);
    this.name = 'RunnerCrashedError';
  }
}

/** The report of a run whose runner is gone: what the page had read of it, and why it ended. */
export function failedReport(log: LiveLog, gil: boolean, message: string): RunReport {
  return reportFromLog(log, { outcome: 'error', gil, wallMs: 0, programError: { message } });
}
