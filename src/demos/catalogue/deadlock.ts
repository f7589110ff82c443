import type { DemoDefinition } from '../types';

export const deadlock: DemoDefinition = {
  id: 'deadlock',
  topic: 'deadlocks',
  title: 'Deadlock: two locks, two orders',
  concepts: ['deadlock', 'Lock', 'wait-for graph', 'lock ordering'],
  summary: 'Each thread holds one lock and waits for the other: neither can ever go on.',
  source: `const lockA = new Lock();
const lockB = new Lock();
const rounds = new SharedInt(0);

export const threads = 2;

export function thread(id) {
  // Thread 0 takes A then B; thread 1 takes B then A, unless fixed.
  const [first, second] = id === 0 || params.fix ? [lockA, lockB] : [lockB, lockA];
  for (let i = 0; i < 10; i++) {
    first.with(() => {
      sleep(5); // some work while holding the first lock
      second.with(() => {
        rounds.add(1);
      });
    });
  }
}

export function check() {
  return rounds.value === 20 || \`only \${rounds.value} of 20 rounds finished\`;
}
`,
  knobs: [{ id: 'fix', label: 'Both threads take A before B', kind: 'boolean', default: false }],
  expect: { bug: 'deadlock', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: the run stops as a deadlock within a fraction of a second. Then switch to Step mode and close the circle yourself: click T0’s lane until it holds lockA, then T1’s until it holds lockB, then let each reach its second lock. Turn on the fix: both threads take A first and all twenty rounds finish.',
    watch:
      'The wait-for graph shows the cycle: T0 holds lockA and waits for lockB, which T1 holds while waiting for lockA. In Step mode each lane’s header says the same before it happens: "waits for lockB, held by T1", and the lane can no longer be stepped.',
    why: 'A deadlock needs four things at once: locks held exclusively, held while waiting for another, never taken away, and a circle of threads each waiting for the next. The sleep while holding the first lock gives the other thread time to take its own first lock, and the circle closes.',
    fix: 'Break the circle: if every thread takes lockA before lockB, whoever holds lockB already holds lockA, so nobody can wait for lockA while holding lockB. Two other ways out are shown in lock-ordering and lock-timeout.',
    python:
      'def t0():\n    with lock_a:\n        time.sleep(0.005)\n        with lock_b: ...\n\ndef t1():\n    with lock_b:            # fix: lock_a first, as t0 does\n        time.sleep(0.005)\n        with lock_a: ...',
  },
};
