import type { DemoDefinition } from '../types';

/** The blank page: where a learner's own program lives in share links (docs/contracts.md). */
export const scratch: DemoDefinition = {
  id: 'scratch',
  topic: 'basics',
  title: 'Scratch',
  concepts: ['threads'],
  summary: 'A minimal program to start from: two threads that say hello.',
  source: `// Shared objects are declared at the top level: every thread sees the same ones.
const hellos = new SharedInt(0);

export const threads = 2;

// Every thread runs this function with its own id.
export function thread(id) {
  sleep(10); // pretend to wait for something (simulated I/O)
  const n = hellos.add(1) + 1; // atomic: add returns the value before
  print(\`hello from thread \${id}, greeting number \${n}\`);
}
`,
  knobs: [],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Change threads to 4 and run again, then add an export function check() that returns true when hellos.value equals the number of threads.',
    watch:
      'One lane per thread in the timeline, with both sleeps side by side; the output panel tags each line with the thread that printed it.',
    why: 'Both threads run the same function at the same time in separate workers. The top-level SharedInt is one piece of shared memory that both update with an atomic add, so the greeting numbers never repeat.',
    python:
      'import threading, time\nhellos = 0\nlock = threading.Lock()\n\ndef worker(i):\n    global hellos\n    time.sleep(0.01)\n    with lock:\n        hellos += 1\n        n = hellos\n    print(f"hello from thread {i}, greeting number {n}")\n\nts = [threading.Thread(target=worker, args=(i,)) for i in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()',
  },
};
