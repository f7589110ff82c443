import type { DemoDefinition } from '../types';

export const checkThenAct: DemoDefinition = {
  id: 'check-then-act',
  topic: 'races-and-locks',
  title: 'Check-then-act: the overdrawn account',
  concepts: ['race condition', 'check-then-act', 'Lock', 'compound action'],
  summary: 'Each step is atomic, yet "if there is money, take it" overdraws the account.',
  source: `const balance = new SharedInt(1000);
const withdrawn = new SharedInt(0);
const lock = new Lock();
const AMOUNT = 50;

export const threads = 4;

// Returns false when the account cannot cover the withdrawal.
function withdraw() {
  if (balance.value < AMOUNT) return false; // check
  sleep(5); // ask the bank's server (I/O)
  balance.add(-AMOUNT); // act: an atomic subtraction, but the check may be stale by now
  withdrawn.add(AMOUNT);
  return true;
}

export function thread(id) {
  for (;;) {
    const ok = params.fix ? lock.with(withdraw) : withdraw();
    if (!ok) break;
  }
}

export function check() {
  return (
    balance.value >= 0 ||
    \`overdrawn: the balance is \${balance.value} after \${withdrawn.value} was withdrawn from 1000\`
  );
}
`,
  knobs: [
    { id: 'fix', label: 'Lock the check and the act together', kind: 'boolean', default: false },
  ],
  expect: { bug: 'check-failed', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: the balance ends below zero. Then switch to Step mode and use Find the bug: it opens a short interleaving that overdraws the account, and you can step through it one thread at a time. Turn on the fix: the threads take turns and the account stops at exactly 0.',
    watch:
      'Near the end, several lanes pass the check while another thread is still sleeping on its withdrawal: each of them saw 50 left. In Step mode the cells show it in numbers: two lanes read balance 50, then both add −50, and the balance ends at −50.',
    why: 'The check (is there enough money?) and the act (take it) are each safe on their own, but another thread can act between them. Every thread that checked before the last withdrawal landed goes on to withdraw, so the account pays out more than it holds. Making each step atomic does not make the pair atomic.',
    fix: 'Hold one lock across the whole compound action, the check and the act together, and make every code path that touches the balance take the same lock.',
    python:
      'def withdraw():\n    with lock:                    # without it: overdrawn\n        if balance < AMOUNT:\n            return False\n        time.sleep(0.005)\n        balance -= AMOUNT\n        return True',
  },
};
