import type { DemoDefinition } from '../types';

export const rlockReentry: DemoDefinition = {
  id: 'rlock-reentry',
  topic: 'races-and-locks',
  title: 'RLock: a lock that can be taken twice',
  concepts: ['RLock', 'reentrancy', 'self-deadlock', 'Lock'],
  summary: 'A locked method calls another locked method and waits for itself forever.',
  source: `// One account: two balances guarded by one lock.
const checking = new SharedInt(500);
const savings = new SharedInt(500);
const lock = params.fix ? new RLock() : new Lock();

function withdraw(amount) {
  return lock.with(() => {
    if (checking.value < amount) return false;
    checking.value -= amount;
    return true;
  });
}

// Holds the lock, then calls withdraw, which takes the same lock again.
function moveToSavings(amount) {
  lock.with(() => {
    if (withdraw(amount)) savings.value += amount;
  });
}

export const threads = 2;

export function thread(id) {
  for (let i = 0; i < 5; i++) {
    moveToSavings(10);
    sleep(2);
  }
}

export function check() {
  const total = checking.value + savings.value;
  return total === 1000 || \`money created or lost: the two balances add up to \${total}, not 1000\`;
}
`,
  knobs: [{ id: 'fix', label: 'Use an RLock', kind: 'boolean', default: false }],
  expect: { bug: 'deadlock', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: the first thread deadlocks on its own lock. Turn on the fix (an RLock) and both threads finish with the money intact.',
    watch:
      'The wait-for graph shows a loop from one thread back to itself: it holds the lock and waits for it. The other thread queues behind it.',
    why: 'A plain Lock does not remember who holds it. When moveToSavings, holding the lock, calls withdraw, the second acquire waits for the lock to be released, which only the waiting thread itself could do.',
    fix: 'An RLock counts how many times its owner has taken it and only frees itself after as many releases. Another fix is to split each method into a locked public part and an unlocked inner part that assumes the lock is held.',
    python:
      'lock = threading.RLock()   # with threading.Lock() this hangs\n\ndef withdraw(amount):\n    with lock:\n        ...\n\ndef move_to_savings(amount):\n    with lock:\n        if withdraw(amount):    # takes the lock a second time\n            ...',
  },
};
