import type { DemoDefinition } from '../types';

export const threadPoolScraper: DemoDefinition = {
  id: 'thread-pool-scraper',
  topic: 'pools',
  title: 'Thread pool scraper',
  concepts: ['ThreadPool', 'Future', 'asCompleted', 'error handling', 'I/O-bound', 'speedup'],
  summary: 'A pool of threads fetches 100 simulated pages, with failures, progress and statistics.',
  source: `const PAGES = 100;
const statsLock = new Lock();
const succeeded = new SharedInt(0);
const failed = new SharedInt(0);
const totalBytes = new SharedInt(0);

// One simulated page: 10–100 ms of network, and 1 in 20 connections fails.
export function fetchPage(url) {
  sleep(10 + random() * 90);
  if (random() < 0.05) throw new Error(\`connection to \${url} failed\`);
  return 10_000 + Math.floor(random() * 90_000); // bytes received
}

export function main() {
  const started = Date.now();
  const pool = new ThreadPool(params.threads);
  const urls = Array.from({ length: PAGES }, (_, i) => \`https://example.com/page\${i}\`);
  const futures = urls.map((url) => pool.submit(fetchPage, url));
  const urlOf = new Map(futures.map((f, i) => [f, urls[i]]));

  // asCompleted yields each future as soon as it is done; the plain array waits in order.
  const order = params.completionOrder ? asCompleted(futures) : futures;
  let completed = 0;
  for (const future of order) {
    completed++;
    try {
      const bytes = future.result(); // throws the task's error, if it failed
      statsLock.with(() => {
        succeeded.value += 1;
        totalBytes.value += bytes;
      });
    } catch (error) {
      failed.add(1);
      print(\`[\${completed}/\${PAGES}] \${urlOf.get(future)}: \${error.message}\`);
    }
    if (completed % 20 === 0) print(\`progress: \${completed}/\${PAGES}\`);
  }
  pool.shutdown();

  const seconds = (Date.now() - started) / 1000;
  print(\`\${succeeded.value} pages ok, \${failed.value} failed, \${totalBytes.value} bytes\`);
  print(\`\${seconds.toFixed(2)} s, \${Math.round(totalBytes.value / 1024 / seconds)} KB/s\`);
}

export function check() {
  const seen = succeeded.value + failed.value;
  return seen === PAGES || \`\${seen} of \${PAGES} pages accounted for\`;
}
`,
  knobs: [
    { id: 'threads', label: 'Pool threads', kind: 'number', default: 8, min: 1, max: 32 },
    {
      id: 'completionOrder',
      label: 'Handle results as they complete',
      kind: 'boolean',
      default: true,
      help: 'Off: wait for the futures in submission order; a slow early page holds up the progress.',
    },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Run with 1, 2, 8 and 32 pool threads and compare the times (or open the lab). Switch to submission order and watch the progress lines come in bursts.',
    watch:
      'Every pool lane alternates short sleeps (network) with almost no running: the work is waiting, which is why more threads help so much. The main lane waits on the pool between results.',
    why: "Fetching pages is I/O-bound: a thread spends nearly all its time waiting for the network, during which other threads can wait too. Eight threads keep eight requests in flight, so the crawl takes roughly an eighth of the time it takes one thread (the lab measures it on this device). A pool reuses a fixed set of threads for all 100 tasks instead of starting 100 threads, and each Future carries its task's result or error back to main.",
    fix: 'Handle errors per task (a try around future.result()) so one failed page does not lose the rest, and update shared statistics under a lock (or with atomic adds).',
    python:
      'with ThreadPoolExecutor(max_workers=8) as pool:\n    futures = {pool.submit(fetch, url): url for url in urls}\n    for done, f in enumerate(as_completed(futures), 1):\n        try:\n            stats.record(f.result())\n        except Exception as e:\n            print(f"{futures[f]}: {e}")\n        if done % 20 == 0:\n            print(f"progress {done}/{len(urls)}")',
  },
  lab: { threads: [1, 2, 4, 8, 16], repeats: 2 },
};
