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
  if (params.pause) sleep(1); // a little I/O between the read and the write
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
    {
      id: 'pause',
      label: 'Sleep between the read and the write',
      kind: 'boolean',
      default: true,
      help: 'Off, the gap is nanoseconds: parallel runs rarely lose an update, step mode still does.',
    },
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
      'Run it a few times: the total is wrong every time and by a different amount. Then switch to Step mode and be the scheduler: click T0’s lane until it has read the counter, then T1’s, then step both writes. The second write is marked ◆, a lost update, and the verdict names both threads and values. Now turn off the sleep between the read and the write: parallel runs are usually right again, yet in Step mode the same clicks lose the update every time, and Find the bug finds the loss at once. Turn on the fix and the total is exact, but the run takes about four times longer.',
    watch:
      'Every ◆ on the timeline is a write that destroyed another thread’s update, and the verdict spells it out: "T1 wrote 6 over T0’s 6: T1 read 5 before T0 wrote". In Step mode each cell shows the value read or written, so you see both threads read the same number. Without the lock, the four lanes sleep side by side; with it, the lanes take turns: the dark bar under a lane marks when that thread holds the lock, and never two lanes at once.',
    why: 'counter = counter + 1 is three steps: read, compute, write. When two threads read before either writes, both write the same number and one increment is lost. The sleep widens the gap between read and write so the collision happens almost every time; without it the gap is nanoseconds and a parallel run rarely shows a loss, but the bug is still there: Step mode, which lets any thread move between the read and the write, shows it on the first try.',
    fix: 'Make the read and the write one indivisible step for other threads: hold a Lock around them (lock.with(fn) releases it even if fn throws). For a single counter, an atomic counter.add(1) does the same without a lock.',
    python:
      'counter = 0\nlock = threading.Lock()\n\ndef increment():\n    global counter\n    with lock:              # remove this line to lose updates\n        seen = counter\n        time.sleep(0.001)\n        counter = seen + 1',
  },
};
