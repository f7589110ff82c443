import { expose } from 'comlink';
import { CONNECT } from './worker-connect';
import { workerApi } from './worker/worker-api';
import { hardenWorkerScope } from './worker/harden';

// Error positions come from stack traces; the default depth of 10 can miss the learner's frame.
(Error as ErrorConstructor & { stackTraceLimit: number }).stackTraceLimit = 50;

// The runtime's control arrives on a private port in the first message; after that, the worker's
// own message channel is deaf (a program posting there reaches nobody).
self.addEventListener(
  'message',
  (event: MessageEvent<{ type?: unknown; port?: unknown }>) => {
    if (event.data?.type !== CONNECT || !(event.data.port instanceof MessagePort)) return;
    hardenWorkerScope();
    expose(workerApi, event.data.port);
  },
  { once: true },
);
