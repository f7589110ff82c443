import type { ParamValue } from './contract-types';
import type { ProgramInfo, ThreadDescriptor } from './run-config';
import { MAX_THREADS } from './spawn';

/**
 * The threads a run starts with: main (Python form), `threads` copies of thread(id), or the roles.
 * Every limit is checked here, before anything starts, so a program asking for 80 threads gets a
 * clear error at once instead of a half-started run.
 */
export function initialThreads(
  info: ProgramInfo,
  params: Readonly<Record<string, ParamValue>>,
): ThreadDescriptor[] {
  const fn = (fn: string, args: unknown[], role: string, name: string): ThreadDescriptor => ({
    target: 'function',
    fn,
    args,
    role,
    name,
    daemon: false,
  });
  if (info.form === 'python') return [fn('main', [], 'main', 'main')];
  if (info.roles) {
    const total = info.roles.reduce((sum, r) => sum + r.count, 0);
    if (total > MAX_THREADS) {
      const asked = info.roles.map((r) => `${r.name}: ${r.count}`).join(', ');
      throw new RangeError(
        `roles ask for ${total} threads (${asked}); a run may start at most ${MAX_THREADS}.`,
      );
    }
    if (total === 0) throw new RangeError('roles start no threads: give some role a count ≥ 1.');
    return info.roles.flatMap(({ name, count }) =>
      Array.from({ length: count }, (_, k) => fn(name, [k], name, `${name}-${k}`)),
    );
  }
  const n = typeof params.threads === 'number' ? params.threads : (info.threads ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new RangeError(`threads must be a whole number from 1 to ${MAX_THREADS}, got ${n}.`);
  }
  return Array.from({ length: n }, (_, id) => fn('thread', [id], 'thread', `T${id}`));
}
