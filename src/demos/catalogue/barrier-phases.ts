import type { DemoDefinition } from '../types';

export const barrierPhases: DemoDefinition = {
  id: 'barrier-phases',
  topic: 'coordination',
  title: 'Barrier: nobody starts phase 2 early',
  concepts: ['Barrier', 'phases', 'synchronization point'],
  summary:
    'Each thread computes a part, then all read every part; without a barrier some read too soon.',
  source: `const PARTS = 4;
const partial = new SharedArray(PARTS); // phase 1 writes, phase 2 reads
const wrongTotals = new SharedInt(0);
const phaseDone = new Barrier(PARTS);

export const threads = PARTS;

export function thread(id) {
  // Phase 1: compute my part. Some threads are slower than others.
  sleep(5 + id * 10 + random() * 5);
  partial.set(id, (id + 1) * 100);
  print(\`part \${id} written\`);

  if (params.fix) {
    const arrival = phaseDone.wait(); // blocks until all PARTS threads arrive
    if (arrival === 0) print('everyone is past phase 1');
  }

  // Phase 2: every thread needs every part.
  let total = 0;
  for (let i = 0; i < PARTS; i++) total += partial.get(i);
  if (total !== 1000) wrongTotals.add(1);
  print(\`thread \${id} sees a total of \${total}\`);
}

export function check() {
  return wrongTotals.value === 0 || \`\${wrongTotals.value} of 4 threads saw a total other than 1000\`;
}
`,
  knobs: [
    { id: 'fix', label: 'Wait at a barrier between phases', kind: 'boolean', default: false },
  ],
  expect: { bug: 'check-failed', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: the fast threads add up parts that are still 0. Turn on the fix: every thread sees 1000.',
    watch:
      'With the barrier, the fast lanes wait on phaseDone until the slowest lane arrives, then all four continue together.',
    why: 'Nothing orders the reads of phase 2 after the writes of phase 1 in other threads. A thread that finishes its own part early goes on and reads parts nobody has written yet. A Barrier for n parties blocks every arriving thread until n have arrived, then releases them all at once and resets for the next round.',
    fix: 'Call barrier.wait() between the phases. Each arrival gets a distinct index from 0 to parties - 1, handy for electing one thread to do a step once. A timeout or abort breaks the barrier and raises BrokenBarrierError in every waiter, so one crashed thread cannot hang the rest.',
    python:
      'barrier = threading.Barrier(4)\n\ndef worker(i):\n    partial[i] = compute(i)\n    if barrier.wait() == 0:\n        print("everyone is past phase 1")\n    total = sum(partial)',
  },
};
