// What the GIL's checks in the learner's own loops cost (src/runtime/instrument.ts): a tight loop
// through the runtime's evaluation vs the same loop as written, alternating, median of the ratios.
import { measure, median, round, type Figure, type Figures } from './figure';
import { request, type TickRequest } from './protocol';
import TickWorker from './tick.worker.ts?worker&inline';

const REPS = 15;
const WARMUP_REPS = 3;
const ITERATIONS = 20_000_000;
const LOOP =
  'export function loop(n) { let x = 0; for (let i = 0; i < n; i++) x = (x + i) | 0; return x; }';

async function tightLoop(): Promise<Figure> {
  // Inline, so the worker runs under the bench page's policy (program modules are data: URLs).
  const worker = new TickWorker({ name: 'bench-tick' });
  const ask = (message: TickRequest) => request(worker, message);
  try {
    await ask({ type: 'setup', source: LOOP });
    const off: number[] = [];
    const checks: number[] = [];
    const rawMs: number[] = [];
    for (let rep = -WARMUP_REPS; rep < REPS; rep++) {
      const raw = await ask({ type: 'rep', kind: 'raw', n: ITERATIONS });
      const gilOff = await ask({ type: 'rep', kind: 'off', n: ITERATIONS });
      const withChecks = await ask({ type: 'rep', kind: 'checks', n: ITERATIONS });
      if (rep < 0) continue;
      rawMs.push(raw);
      off.push(raw / gilOff);
      checks.push(raw / withChecks);
    }
    const value = round(median(off));
    return {
      value,
      unit: 'x',
      budget: '≥ 0.7',
      pass: value >= 0.7,
      baseline: 'the same loop as written, in the same worker',
      // With the GIL on, every loop iteration and call ticks a counter, and every 100th tick
      // checks the GIL's drop request: what that costs the same loop (the GIL-off path runs the
      // learner's code as written, so `value` is 1 up to noise).
      withGilChecks: round(median(checks)),
      rawNsPerIteration: round((median(rawMs) * 1e6) / ITERATIONS, 2),
    };
  } finally {
    worker.terminate();
  }
}

export async function tickFigures(wanted: (name: string) => boolean): Promise<Figures> {
  const figures: Figures = {};
  const name = 'tight-loop-gil-off-vs-uninstrumented';
  if (wanted(name)) await measure(figures, name, 'x', '≥ 0.7', tightLoop);
  return figures;
}
