import type { DemoDefinition } from '../types';

export const tooManyThreads: DemoDefinition = {
  id: 'too-many-threads',
  topic: 'pools',
  title: 'Too many threads',
  concepts: ['ThreadPool', 'thread overhead', 'pool size', 'oversubscription'],
  summary:
    'The same 60 tasks: one thread each, or a pool of a few threads. Past a point, more threads is not faster.',
  source: `const TASKS = 60;
const done = new SharedInt(0);

// A task waits for the network, then parses the answer on the CPU.
export function task(i) {
  sleep(20);
  work(4);
  done.add(1);
}

export function main() {
  const started = Date.now();
  if (params.approach === 'thread-per-task') {
    const all = Array.from({ length: TASKS }, (_, i) => new Thread(task, i));
    for (const t of all) t.start();
    for (const t of all) t.join();
  } else {
    const pool = new ThreadPool(params.threads);
    pool.map(task, Array.from({ length: TASKS }, (_, i) => i));
    pool.shutdown();
  }
  const label = params.approach === 'pool' ? \`a pool of \${params.threads}\` : \`\${TASKS} threads\`;
  print(\`\${TASKS} tasks on \${label}: \${Date.now() - started} ms\`);
}

export function check() {
  return done.value === TASKS || \`\${done.value} of \${TASKS} tasks done\`;
}
`,
  knobs: [
    {
      id: 'approach',
      label: 'Threads',
      kind: 'choice',
      default: 'pool',
      options: [
        { value: 'pool', label: 'A pool' },
        { value: 'thread-per-task', label: 'One thread per task (60)' },
      ],
    },
    { id: 'threads', label: 'Pool size', kind: 'number', default: 8, min: 1, max: 32 },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      "Run the pool of 8, then one thread per task, and compare the times printed. Then open the lab: it sweeps the pool size from 1 to 32. Each doubling of the pool buys less than the one before: once the pool overlaps enough of the waiting, the CPU parts (60 × 4 ms, shared by this device's cores) set a floor that no pool size gets under. The one-thread-per-task run is not in the sweep; compare its printed time with the pool's.",
    watch:
      'With 60 threads, the lanes start in a slow staircase (each thread needs a worker to be created and the program loaded in it) and the CPU parts pile up, sixty threads for a handful of cores. The pool of 8 reuses its lanes task after task.',
    why: 'Every thread costs memory for its stack, time to create, and scheduling work when many of them want the CPU. Once there are enough threads to cover the waiting (here, 20 ms of I/O per 4 ms of CPU) and to keep the cores busy, more threads only add that overhead. Pools put a ceiling on it and reuse threads, which is why the tutorials reach for ThreadPoolExecutor with a modest max_workers instead of a thread per item.',
    fix: 'Size the pool for the job: for I/O-bound tasks a few times the core count (Python defaults to min(32, cores + 4)); for CPU-bound ones about the core count. Measure rather than guess: the lab shows where the curve flattens. Interleave caps a run at 64 threads.',
    python:
      '# one thread per task\nthreads = [threading.Thread(target=task, args=(i,)) for i in range(60)]\n# versus a bounded pool\nwith ThreadPoolExecutor(max_workers=8) as pool:\n    list(pool.map(task, range(60)))',
  },
  lab: { threads: [1, 2, 4, 8, 16, 32], repeats: 2 },
};
