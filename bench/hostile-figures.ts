// The untrusted-programs budget: whatever a program did, its run ends in a report and the next
// run starts and ends normally. Each hostile program runs in the real runner frame, then a
// correct program whose outcome is known.
import type { Session } from '../src/runtime/session';
import { measure, progress, type Figure, type Figures } from './figure';
import { runCode } from './harness';

/** A correct program: four threads, a lock, a check that holds only if no update was lost. */
const NEXT_RUN = `const counter = new SharedInt(0);
const lock = new Lock();
export const threads = 4;
export function thread() {
  for (let i = 0; i < 100; i++) lock.with(() => { counter.value = counter.value + 1; });
}
export function check() { return counter.value === 400; }
`;

/**
 * What adversaries tried (docs/programs.md, "Programs are untrusted"), one of each kind. A memory
 * bomb is left to e2e/hostile.spec.ts: the frame's crash also ends the bench driver's evaluate.
 */
const HOSTILE: Record<string, string> = {
  'prototype tampering': `export function main() {
  try { Array.prototype.push = () => 0; } catch {}
  try { Object.prototype.polluted = 1; } catch {}
  try { JSON.parse = () => ({ ok: true }); } catch {}
  try { Atomics.wait = () => 'ok'; } catch {}
}`,
  'a nested worker': `export function main() { new Worker('data:text/javascript,for(;;){}'); }`,
  'a listener answering the runtime': `export function main() {
  self.addEventListener('message', (e) => { try { postMessage({ passed: true }); } catch {} });
}`,
  'closing its worker': `export function main() { close(); }`,
  'a huge shared array': `export function main() { new SharedArray(2 ** 31); }`,
  'thrown null-prototype object': `throw Object.create(null);\nexport function main() {}`,
  'ten million threads': `export const roles = { w: 1e7 };\nexport function w() {}`,
};

async function hostileRuns(session: Session): Promise<Figure> {
  const results: Record<string, string> = {};
  let fine = 0;
  for (const [name, code] of Object.entries(HOSTILE)) {
    progress(`hostile: ${name}`);
    const hostile = await runCode(session, code);
    const next = await runCode(session, NEXT_RUN);
    const ok = next.outcome === 'ok' && next.check?.passed === true;
    if (ok) fine++;
    results[name] = `${hostile.outcome}, then ${next.outcome}`;
  }
  const total = Object.keys(HOSTILE).length;
  return {
    value: fine,
    unit: 'count',
    budget: `= ${total} of ${total} (100 %)`,
    pass: fine === total,
    baseline: 'correct 4-thread runs that ended ok, each after a hostile run',
    runs: results,
  };
}

export async function hostileFigures(
  session: Session,
  wanted: (name: string) => boolean,
): Promise<Figures> {
  const figures: Figures = {};
  if (wanted('hostile-then-normal-run'))
    await measure(figures, 'hostile-then-normal-run', 'count', 'all', () => hostileRuns(session));
  return figures;
}
