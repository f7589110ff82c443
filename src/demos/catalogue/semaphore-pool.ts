import type { DemoDefinition } from '../types';

export const semaphorePool: DemoDefinition = {
  id: 'semaphore-pool',
  topic: 'coordination',
  title: 'Semaphore: a pool of three connections',
  concepts: ['Semaphore', 'BoundedSemaphore', 'resource pool', 'try/finally'],
  summary: 'Ten threads share three connections; a double release on errors quietly adds more.',
  source: `const pool = params.bounded ? new BoundedSemaphore(3) : new Semaphore(3);
const inUse = new SharedInt(0);
const maxInUse = new SharedInt(0); // high-water mark

export const threads = 10;

// Raises maxInUse to now if now is higher (a lock-free maximum).
function record(now) {
  for (let seen = maxInUse.value; now > seen; ) {
    const before = maxInUse.compareExchange(seen, now);
    if (before === seen) break;
    seen = before;
  }
}

function query(id, n) {
  record(inUse.add(1) + 1);
  sleep(10); // the database at work
  inUse.add(-1);
  if ((id + n) % 4 === 0) throw new Error(\`query \${n} of thread \${id} timed out\`);
}

export function thread(id) {
  for (let n = 0; n < 4; n++) {
    pool.acquire(); // take a connection, waiting if all three are out
    try {
      query(id, n);
    } catch (error) {
      print(error.message);
      if (!params.fix) pool.release(); // BUG: the finally below releases it too
    } finally {
      pool.release();
    }
  }
}

export function check() {
  return (
    maxInUse.value <= 3 ||
    \`\${maxInUse.value} connections were in use at once; the pool has only 3\`
  );
}
`,
  knobs: [
    { id: 'fix', label: 'Release exactly once', kind: 'boolean', default: false },
    {
      id: 'bounded',
      label: 'Use a BoundedSemaphore',
      kind: 'boolean',
      default: false,
      help: 'A BoundedSemaphore refuses to be released past its starting count: the bug becomes an error at the extra release.',
    },
  ],
  expect: { bug: 'check-failed', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: more than three connections end up in use at once (the verdict says how many). Turn on the fix: never more than three. Then turn the fix off again and the BoundedSemaphore on: the run stops with an error at the first extra release.',
    watch:
      'At first at most three lanes are in their query (the 10 ms sleep) at once. Each "timed out" line in the output is a failed query whose permit was released twice: from then on one more thread can get in, and the verdict reports the most connections that were in use together.',
    why: 'A Semaphore is only a counter: acquire takes one from it (waiting at zero), release adds one back. It does not know how many it started with, so releasing twice for one acquire silently creates a new permit, and the pool grows with every error.',
    fix: 'Release in exactly one place, a finally block (or pool.with(fn)), so every path out returns the connection once. Use a BoundedSemaphore for pools: an extra release then fails loudly where it happens.',
    python:
      'pool = threading.BoundedSemaphore(3)\n\ndef worker(i):\n    for n in range(4):\n        with pool:             # acquire, and release exactly once\n            run_query(i, n)',
  },
};
