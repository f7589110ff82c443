import type { StepThread, StepView } from '../../step';

type Spec = Pick<StepThread, 'status'> & Partial<Omit<StepThread, 'status'>>;

/** A recorded step view from terse thread specs: `enabled` follows the status unless given. */
export function viewOf(schedule: number[], threads: Spec[]): StepView {
  return {
    steps: schedule.length,
    clockMs: 0,
    schedule,
    threads: threads.map((t, id) => ({
      id,
      name: `T${id}`,
      enabled: t.status === 'ready' || t.status === 'sleeping',
      ...t,
    })),
  };
}

/** A generator of the given draws in order (then the last one again): PCT and the walk made exact. */
export function drawsOf(...draws: number[]): () => number {
  let i = 0;
  return () => draws[Math.min(i++, draws.length - 1)] ?? 0;
}
