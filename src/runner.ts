import { expose } from 'comlink';
import ProgramWorker from './runtime/program.worker.ts?worker&inline';
import { createRunnerHost } from './runtime/runner-host';
import { RUNNER_CONNECT, RUNNER_READY } from './runtime/runner-protocol';
import { WorkerPool } from './runtime/web-worker-pool';

// The runner frame: a sandboxed iframe (its own opaque origin and process) where programs run.
// Its workers are built from a bundled blob (an opaque origin may not load worker scripts by
// URL). It serves the page that embeds it, on a port that page hands over once.

type MemoryApi = { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };

const pool = new WorkerPool(() => new ProgramWorker({ name: 'interleave-thread' }));
const memory = performance as Performance & MemoryApi;
const measure =
  typeof memory.measureUserAgentSpecificMemory === 'function'
    ? () => (memory.measureUserAgentSpecificMemory as () => Promise<{ bytes: number }>).call(memory)
    : null;

window.addEventListener('message', function connect(event: MessageEvent<unknown>) {
  const data = event.data as { type?: unknown; port?: unknown } | null;
  if (event.source !== window.parent || data?.type !== RUNNER_CONNECT) return;
  if (!(data.port instanceof MessagePort)) return;
  window.removeEventListener('message', connect);
  expose(createRunnerHost(pool, measure), data.port);
});
window.parent.postMessage({ type: RUNNER_READY }, '*');
