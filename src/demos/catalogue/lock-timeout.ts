import type { DemoDefinition } from '../types';

export const lockTimeout: DemoDefinition = {
  id: 'lock-timeout',
  topic: 'deadlocks',
  title: 'Lock timeout: back off and retry',
  concepts: ['deadlock', 'timeout', 'back-off', 'Lock'],
  summary:
    'When the second lock does not come in time, give up the first, wait a moment and retry.',
  source: `const lockA = new Lock();
const lockB = new Lock();
const jobsDone = new SharedInt(0);

export const threads = 2;

// Takes both locks, or none: on a timeout, releases the first and returns false.
function tryBoth(first, second) {
  first.acquire();
  sleep(5); // work under the first lock
  const ok = params.fix ? second.acquire(10) : second.acquire(); // fix: wait at most 10 ms
  if (!ok) {
    first.release();
    return false;
  }
  jobsDone.add(1);
  second.release();
  first.release();
  return true;
}

export function thread(id) {
  const [first, second] = id === 0 ? [lockA, lockB] : [lockB, lockA];
  let myRetries = 0;
  for (let job = 0; job < 5; job++) {
    while (!tryBoth(first, second)) {
      myRetries++;
      sleep(random() * 20); // random back-off so the two threads stop colliding
    }
  }
  print(\`thread \${id}: 5 jobs done after \${myRetries} retries\`);
}

export function check() {
  return jobsDone.value === 10 || \`only \${jobsDone.value} of 10 jobs done\`;
}
`,
  knobs: [{ id: 'fix', label: 'Time out on the second lock', kind: 'boolean', default: false }],
  expect: { bug: 'deadlock', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: the opposite lock orders deadlock at once. Turn on the fix: the threads still collide now and then, but each collision ends in a retry instead of a hang.',
    watch:
      'With the timeout, a lane waits on its second lock for 10 ms, lets go of its first, sleeps a random back-off and tries again; the other lane gets both locks in the gap.',
    why: 'acquire(timeoutMs) returns false instead of waiting forever. Giving back the lock you already hold breaks the hold-and-wait condition, so the circle of waiting cannot persist. The random back-off keeps the two threads from retrying in lock step (a livelock, where everyone keeps moving and nobody gets anywhere).',
    fix: 'Use timeouts on any lock that may be contended, release everything on failure, and back off for a random time. Log the timeout in real code: it points at the lock and thread involved. Consistent lock ordering (lock-ordering) avoids the collisions altogether.',
    python:
      'def try_both(first, second):\n    with first:\n        time.sleep(0.005)\n        if not second.acquire(timeout=0.01):\n            return False\n        try:\n            do_job()\n        finally:\n            second.release()\n    return True',
  },
};
