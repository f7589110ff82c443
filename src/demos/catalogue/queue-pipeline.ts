import type { DemoDefinition } from '../types';

export const queuePipeline: DemoDefinition = {
  id: 'queue-pipeline',
  topic: 'coordination',
  title: 'Queue pipeline: one sentinel too few',
  concepts: ['Queue', 'sentinel', 'taskDone/join', 'graceful shutdown', 'stuck'],
  summary: 'Workers stop when they get a STOP item; send one too few and a worker waits forever.',
  source: `const WORKERS = 3;
const STOP = 'STOP';
const files = new Queue();
const processed = new SharedInt(0);
const bytes = new SharedInt(0);

// A worker takes files until it receives STOP.
export function worker(n) {
  for (;;) {
    const file = files.get(); // blocks while the queue is empty
    if (file === STOP) {
      files.taskDone();
      print(\`worker \${n} stops\`);
      return;
    }
    sleep(10 + random() * 20); // read and hash the file
    bytes.add(file.length * 100);
    processed.add(1);
    files.taskDone();
  }
}

export function main() {
  const workers = Array.from({ length: WORKERS }, (_, n) => new Thread(worker, n));
  for (const w of workers) w.start();
  for (let i = 0; i < 12; i++) files.put(\`report-\${i}.csv\`);
  files.join(); // returns when every file put so far has been marked done
  print(\`all \${processed.value} files processed\`);
  const stops = params.fix ? WORKERS : WORKERS - 1; // BUG: one STOP short
  for (let i = 0; i < stops; i++) files.put(STOP);
  for (const w of workers) w.join();
  print('all workers stopped');
}

export function check() {
  return processed.value === 12 || \`processed \${processed.value} of 12 files\`;
}
`,
  knobs: [{ id: 'fix', label: 'One STOP per worker', kind: 'boolean', default: false }],
  expect: { bug: 'stuck', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: every file gets processed, then the run hangs and is reported as stuck. Turn on the fix: each worker gets its own STOP and main joins them all.',
    watch:
      'After "all 12 files processed", two worker lanes end; the third waits on files forever, and main waits in join for that worker.',
    why: 'A sentinel is an ordinary item that means "no more work". Each worker consumes exactly one before it exits, so n workers need n sentinels. With one short, the last worker blocks in get() on an empty queue nobody will feed, and main blocks joining it: every live thread waits, but not in a cycle, so the verdict is stuck rather than deadlock.',
    fix: 'Put one sentinel per consumer. Alternatives: make the workers daemon threads and rely on files.join(), or have them poll get(timeout) and check a stop Event.',
    python:
      'for _ in range(WORKERS):\n    files.put(None)           # one sentinel per worker\n\ndef worker():\n    while True:\n        f = files.get()\n        if f is None:\n            files.task_done()\n            return\n        process(f)\n        files.task_done()',
  },
};
