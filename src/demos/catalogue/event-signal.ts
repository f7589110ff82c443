import type { DemoDefinition } from '../types';

export const eventSignal: DemoDefinition = {
  id: 'event-signal',
  topic: 'coordination',
  title: 'Event: a signal nobody sends',
  concepts: ['Event', 'signalling', 'stuck', 'try/finally'],
  summary: 'Workers wait for "config ready"; one early return means the signal never comes.',
  source: `const ready = new Event();
const configVersion = new SharedInt(0);
const served = new SharedInt(0);

export const roles = { loader: 1, worker: 3 };

export function loader() {
  try {
    sleep(30); // read the config file
    configVersion.value = 7;
    const cacheWarm = true; // pretend the cache was already warm
    if (cacheWarm) return; // an early way out: nothing left to do
    sleep(30); // otherwise warm the cache first
    if (!params.fix) ready.set(); // BUG: only the slow path reaches this line
  } finally {
    if (params.fix) ready.set(); // every way out signals the waiters
  }
}

export function worker(i) {
  print(\`worker \${i} waiting for the config\`);
  ready.wait(); // blocks until some thread calls ready.set()
  print(\`worker \${i} serving with config v\${configVersion.value}\`);
  served.add(1);
}

export function check() {
  return served.value === 3 || \`only \${served.value} of 3 workers started serving\`;
}
`,
  knobs: [
    { id: 'fix', label: 'Set the event in a finally block', kind: 'boolean', default: false },
  ],
  expect: { bug: 'stuck', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: the loader finishes, the three workers wait forever and the run is reported as stuck. Turn on the fix and they all start serving right after the loader.',
    watch:
      'The loader lane ends early; the worker lanes stay in "waits ready" to the end. The verdict lists each worker and the event it waits for.',
    why: 'An Event is a flag that starts cleared: wait() blocks until some thread calls set(), then every waiter goes on (and later waits return at once). Nothing ties the waiters to the thread meant to set it, so when that thread takes a path that forgets, no error happens: the waiters simply never wake. Stuck, not deadlocked: no cycle, just a signal nobody is left to give.',
    fix: 'Signal in a finally block so every way out of the loader sets the event. In real code, also wait with a timeout (ready.wait(5000) returns false when it runs out) so a missing signal becomes an error message instead of a hang.',
    python:
      'ready = threading.Event()\n\ndef loader():\n    try:\n        load_config()\n    finally:\n        ready.set()\n\ndef worker(i):\n    if not ready.wait(timeout=5):\n        raise RuntimeError("config never arrived")\n    serve()',
  },
};
