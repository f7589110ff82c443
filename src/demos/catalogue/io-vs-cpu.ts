import type { DemoDefinition } from '../types';

export const ioVsCpu: DemoDefinition = {
  id: 'io-vs-cpu',
  topic: 'gil',
  title: 'I/O-bound vs CPU-bound, with and without a GIL',
  concepts: ['GIL', 'I/O-bound', 'CPU-bound', 'speedup', 'multiprocessing'],
  summary:
    'The same 16 jobs split over more threads: waiting scales, computing stops at the core count or the GIL.',
  source: `const JOBS = 16;
const jobsDone = new SharedInt(0);

// One job: 30 ms of waiting (io) or 30 ms of computing (cpu).
function job() {
  if (params.kind === 'io') sleep(30);
  else work(30);
}

export const threads = 4;

// The jobs are dealt out: thread id takes jobs id, id + threads, id + 2 * threads…
export function thread(id) {
  for (let j = id; j < JOBS; j += params.threads) {
    job();
    jobsDone.add(1);
  }
}

export function check() {
  return jobsDone.value === JOBS || \`\${jobsDone.value} of \${JOBS} jobs done\`;
}
`,
  knobs: [
    {
      id: 'kind',
      label: 'Kind of work',
      kind: 'choice',
      default: 'cpu',
      options: [
        { value: 'cpu', label: 'CPU-bound (work)' },
        { value: 'io', label: 'I/O-bound (sleep)' },
      ],
    },
    {
      id: 'gil',
      label: 'Global interpreter lock',
      kind: 'boolean',
      default: false,
      help: 'One thread runs at a time, as in CPython; sleeping and blocking release it.',
    },
    { id: 'threads', label: 'Threads', kind: 'number', default: 4, min: 1, max: 16 },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Open the lab: it runs 1, 2, 4 and 8 threads with the GIL off and on. Then switch the kind to I/O and run the lab again.',
    watch:
      'CPU, GIL off: all four lanes show running, but only as many threads compute at once as the device has cores (the lab says how many); the operating system shares the cores out, so on a device with fewer cores than threads each 30 ms job takes longer, and the run as a whole no less than 16 × 30 ms divided by the cores. CPU, GIL on: the lanes take turns every 5 ms, only one runs, and the others show "waiting for the GIL". I/O: all lanes sleep together either way.',
    why: 'Waiting takes no CPU, so any number of threads can wait at once: I/O-bound work speeds up with threads until the waiting is covered. Computing needs a core: CPU-bound work speeds up only to the number of cores. CPython adds the GIL, one lock a thread must hold to run Python code, released while it waits for I/O and handed over every 5 ms. With it, CPU-bound threads run one at a time and gain nothing, while I/O-bound threads still overlap their waits.',
    fix: 'In Python, use threads (or asyncio) for I/O-bound work and multiprocessing (ProcessPoolExecutor) for CPU-bound work: each process has its own interpreter and its own GIL, at the price of slower start-up and copying data between processes. Libraries such as NumPy release the GIL inside their C code, so threads can help there too. Python 3.13 also has an experimental free-threaded build without the GIL.',
    python:
      'def job():\n    time.sleep(0.03)            # io, 30 ms: scales with threads\n    # sum(i * i for i in range(10**6))  # cpu: does not, under the GIL\n\nwith ThreadPoolExecutor(max_workers=4) as pool:\n    list(pool.map(lambda _: job(), range(16)))\n# CPU-bound: ProcessPoolExecutor(max_workers=os.cpu_count())',
  },
  lab: { threads: [1, 2, 4, 8], repeats: 3, vary: { gil: [false, true] } },
};
