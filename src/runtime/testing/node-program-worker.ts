import { parentPort } from 'node:worker_threads';

// The real program worker (program.worker.ts) on a Node worker_thread: the one difference from a
// browser worker is where its first message arrives, so `self` here is the worker's global with
// the parent port's listener. Programs load from data: URLs, which Node imports as browsers do.
if (!parentPort) throw new Error('node-program-worker runs only as a worker_thread.');
const port = parentPort;
Object.assign(globalThis, {
  self: globalThis,
  addEventListener: port.addEventListener.bind(port),
});
await import('../program.worker');
