import type { RunConfig } from './run-config';
import { withinLimit } from './run-ending';
import type { RunWorkers } from './run-workers';

/** check() reads shared values: longer than this, it waits for something that never comes. */
export const CHECK_LIMIT_MS = 5_000;

export type CheckResult = { passed: boolean; message?: string };

/**
 * The run's `checking` phase: check() in a fresh worker, within its limit or until Stop; then
 * every worker the run borrowed is retired (with `reuseWorkers`, one whose check returned is
 * given back first: a search's next run may have it).
 */
export async function checkProgram(
  workers: RunWorkers,
  stopped: Promise<void>,
  config: RunConfig,
  reuseWorkers: boolean,
): Promise<CheckResult> {
  const [w] = workers.borrow(1);
  if (!w) return { passed: false, message: 'no worker to run check()' };
  const result = await withinLimit(stopped, w.api.check(config), CHECK_LIMIT_MS);
  if (reuseWorkers && result !== 'stopped' && result !== 'timeout') workers.giveBack(w);
  workers.retireAll();
  if (result === 'stopped') return { passed: false, message: 'stopped during check()' };
  if (result === 'timeout')
    return {
      passed: false,
      message: `check() did not return within ${CHECK_LIMIT_MS / 1000} s (does it wait for a lock?)`,
    };
  return result.message === undefined
    ? { passed: result.passed }
    : { passed: result.passed, message: result.message };
}
