import type { DemoDefinition } from '../types';

export const forgotJoin: DemoDefinition = {
  id: 'forgot-join',
  topic: 'basics',
  title: 'Forgot to join',
  concepts: ['Thread', 'join', 'thread lifecycle', 'start'],
  summary: 'main starts the downloads and sums the results straight away: most are not there yet.',
  source: `const PAGES = 5;
const sizes = new SharedArray(PAGES); // each download writes its own slot
const totalSeenByMain = new SharedInt(-1);

export function download(i) {
  sleep(20 + random() * 40); // the network
  sizes.set(i, 1000 * (i + 1));
}

export function main() {
  // create -> start -> join: the lifecycle of a thread.
  const downloads = Array.from({ length: PAGES }, (_, i) => new Thread(download, i));
  for (const t of downloads) t.start();
  print(\`started: \${downloads.filter((t) => t.isAlive()).length} downloads running\`);
  if (params.fix) for (const t of downloads) t.join(); // wait for each to finish
  let total = 0;
  for (let i = 0; i < PAGES; i++) total += sizes.get(i);
  totalSeenByMain.value = total;
  print(\`main reports \${total} bytes\`);
}

export function check() {
  let total = 0;
  for (let i = 0; i < PAGES; i++) total += sizes.get(i);
  return (
    totalSeenByMain.value === total ||
    \`main reported \${totalSeenByMain.value} bytes, but the downloads fetched \${total}\`
  );
}
`,
  knobs: [{ id: 'fix', label: 'Join every thread first', kind: 'boolean', default: false }],
  expect: { bug: 'check-failed', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: main reports 0 bytes though the downloads all finish later. Turn on the fix: main waits in join and reports 15000.',
    watch:
      'Without join, the main lane ends while the five download lanes are still sleeping. With join, main waits on each thread in turn.',
    why: 'start() only asks for the thread to run and returns at once; the thread then runs on its own. Nothing makes main wait for its results unless it says so. The run itself still waits for the downloads at the end (they are not daemon threads), which is why the bytes do arrive, just after main has already reported.',
    fix: 'Join every thread before reading what it produces: t.join() blocks until t has finished (t.join(ms) gives up after ms and returns false). A ThreadPool with futures does this bookkeeping for you: future.result() waits for that task.',
    python:
      'threads = [threading.Thread(target=download, args=(i,)) for i in range(5)]\nfor t in threads:\n    t.start()\nfor t in threads:\n    t.join()          # without this, sizes may still be empty\nprint(sum(sizes))',
  },
};
