import type { DemoDefinition } from '../types';

export const raceCounter: DemoDefinition = {
  id: 'race-counter',
  topic: 'races-and-locks',
  title: 'Race condition: lost updates',
  concepts: ['race condition', 'Lock', 'read-modify-write', 'critical section'],
  summary: 'Four threads add to one counter; without a lock, most of the updates vanish.',
  source: `const counter = new SharedInt(0);
const lock = new Lock();

export const threads = 4;

// One increment done the slow way: read, pause, write back.
function increment() {
  const seen = counter.value; // read
  sleep(1); // a little I/O between the read and the write
  counter.value = seen + 1; // write: overwrites whatever others wrote meanwhile
}

export function thread(id) {
  for (let i = 0; i < params.iterations; i++) {
    if (params.fix) lock.with(increment); // one thread at a time in the critical section
    else increment();
  }
}

export function check() {
  const expected = params.threads * params.iterations;
  const got = counter.value;
  return got === expected || \`expected \${expected}, got \${got}: \${expected - got} updates lost\`;
}
`,
  knobs: [
    { id: 'fix', label: 'Hold a lock around the increment', kind: 'boolean', default: false },
    { id: 'threads', label: 'Threads', kind: 'number', default: 4, min: 1, max: 16 },
    {
      id: 'iterations',
      label: 'Increments per thread',
      kind: 'number',
      default: 20,
      min: 1,
      max: 200,
    },
  ],
  expect: { bug: 'check-failed', fix: 'ok' },
  explain: {
    tryThis:
      'Run it a few times: the total is wrong every time and by a different amount. Turn on the fix and the total is exact, but the run takes about four times longer.',
    watch:
      'Without the lock, the four lanes sleep side by side: all four read the same value, then all four write it back plus one. With the lock, the lanes take turns: the dark bar under a lane marks when that thread holds the lock, and never two lanes at once.',
    why: 'counter = counter + 1 is three steps: read, compute, write. When two threads read before either writes, both write the same number and one increment is lost. The sleep widens the gap between read and write so the collision happens almost every time; without it the gap is nanoseconds, and you need tens of thousands of increments to see losses.',
    fix: 'Make the read and the write one indivisible step for other threads: hold a Lock around them (lock.with(fn) releases it even if fn throws). For a single counter, an atomic counter.add(1) does the same without a lock.',
    python:
      'counter = 0\nlock = threading.Lock()\n\ndef increment():\n    global counter\n    with lock:              # remove this line to lose updates\n        seen = counter\n        time.sleep(0.001)\n        counter = seen + 1',
  },
};
