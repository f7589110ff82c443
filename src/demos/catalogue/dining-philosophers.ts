import type { DemoDefinition } from '../types';

export const diningPhilosophers: DemoDefinition = {
  id: 'dining-philosophers',
  topic: 'deadlocks',
  title: 'Dining philosophers',
  concepts: ['deadlock', 'lock ordering', 'Semaphore', 'resource hierarchy'],
  summary:
    'Five philosophers, five forks: all take their left fork and wait for the right one forever.',
  source: `const N = 5;
const MEALS = 4;
const forks = Array.from({ length: N }, (_, i) => new Lock({ name: \`fork\${i}\` }));
const waiter = new Semaphore(N - 1); // the "waiter" strategy: at most four at the table
const meals = new SharedInt(0);
const dinnerStarts = new Barrier(N); // dinner starts when everyone is at the table

export const threads = N;

export function thread(id) {
  const left = id;
  const right = (id + 1) % N;
  // "ordered": take the lower-numbered fork first, so philosopher 4 starts with fork 0.
  const ordered = params.fix && params.strategy === 'ordered';
  const [first, second] = ordered && right < left ? [right, left] : [left, right];
  const useWaiter = params.fix && params.strategy === 'waiter';
  dinnerStarts.wait();
  for (let m = 0; m < MEALS; m++) {
    if (m > 0) sleep(random() * 5); // think
    if (useWaiter) waiter.acquire();
    forks[first].with(() => {
      sleep(10); // reach for the other fork
      forks[second].with(() => {
        sleep(5); // eat
        meals.add(1);
      });
    });
    if (useWaiter) waiter.release();
  }
  print(\`philosopher \${id} ate \${MEALS} meals\`);
}

export function check() {
  return meals.value === N * MEALS || \`only \${meals.value} of \${N * MEALS} meals were eaten\`;
}
`,
  knobs: [
    { id: 'fix', label: 'Prevent the deadlock', kind: 'boolean', default: false },
    {
      id: 'strategy',
      label: 'How (when fixed)',
      kind: 'choice',
      default: 'ordered',
      options: [
        { value: 'ordered', label: 'Lower-numbered fork first' },
        { value: 'waiter', label: 'A waiter seats at most four' },
      ],
    },
  ],
  expect: { bug: 'deadlock', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: all five philosophers sit holding one fork. Turn on the fix with each strategy and compare how long dinner takes.',
    watch:
      'The wait-for graph is a ring of five: each philosopher holds the fork on his left and waits for the one his right neighbour holds.',
    why: 'Every philosopher follows the same reasonable rule, left fork then right, and around a round table those rules form a circle of waits. It is the deadlock demo with five threads: no single thread does anything wrong, the cycle is in the system.',
    fix: 'Ordered: number the forks and always take the lower number first; philosopher 4 then reaches for fork 0 before fork 4, and the circle is broken. Waiter: a Semaphore(4) lets at most four philosophers reach for forks at once, so at least one of them can always get both.',
    python:
      'forks = [threading.Lock() for _ in range(5)]\n\ndef philosopher(i):\n    a, b = sorted((i, (i + 1) % 5))   # ordered forks\n    for _ in range(4):\n        with forks[a]:\n            with forks[b]:\n                eat()',
  },
};
