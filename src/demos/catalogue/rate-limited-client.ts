import type { DemoDefinition } from '../types';

export const rateLimitedClient: DemoDefinition = {
  id: 'rate-limited-client',
  topic: 'pools',
  title: 'A rate-limited API client',
  concepts: ['Semaphore', 'ThreadPool', 'asCompleted', 'concurrency limit'],
  summary: 'A pool of 8 threads calls an API that allows only a few calls in flight at once.',
  source: `// The API allows at most params.limit calls in flight; the pool has more threads than that.
const inFlight = new Semaphore(params.limit);
const calls = new SharedInt(0);
const busiest = new SharedInt(0); // most calls in flight at once

export function callApi(endpoint) {
  return inFlight.with(() => {
    const now = calls.add(1) + 1;
    if (now > busiest.value) busiest.value = now; // a rough high-water mark, good enough here
    sleep(20 + random() * 30); // the network round trip
    calls.add(-1);
    return { endpoint, status: 200 };
  });
}

export function main() {
  const pool = new ThreadPool(8);
  const endpoints = Array.from({ length: params.endpoints }, (_, i) => \`/api/items/\${i}\`);
  const futures = endpoints.map((e) => pool.submit(callApi, e));
  let done = 0;
  for (const future of asCompleted(futures)) {
    try {
      future.result();
      done++;
    } catch (error) {
      print('failed:', error.message);
    }
  }
  pool.shutdown();
  print(\`\${done} of \${endpoints.length} calls succeeded, at most \${busiest.value} at a time\`);
}

export function check() {
  return (
    busiest.value <= params.limit ||
    \`\${busiest.value} calls were in flight at once; the limit is \${params.limit}\`
  );
}
`,
  knobs: [
    {
      id: 'limit',
      label: 'Calls in flight (semaphore)',
      kind: 'number',
      default: 3,
      min: 1,
      max: 8,
    },
    { id: 'endpoints', label: 'Endpoints to call', kind: 'number', default: 30, min: 1, max: 100 },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Set the limit to 8 and run: the run gets faster, up to the pool size. Set it to 1 and the pool of 8 threads behaves like a single thread.',
    watch:
      'Eight pool lanes, but only as many of them sleep on the network at once as the limit allows; the rest wait on inFlight.',
    why: 'The pool decides how many threads exist; the semaphore decides how many of them may use the API at once. Separating the two keeps the client polite to the server (no burst it would reject with "too many requests") while the extra threads stay ready to go the moment a slot frees.',
    python:
      'in_flight = threading.Semaphore(3)\n\ndef call_api(endpoint):\n    with in_flight:\n        time.sleep(random.uniform(0.02, 0.05))\n        return {"endpoint": endpoint, "status": 200}\n\nwith ThreadPoolExecutor(max_workers=8) as pool:\n    futures = [pool.submit(call_api, e) for e in endpoints]\n    for f in as_completed(futures):\n        print(f.result())',
  },
};
