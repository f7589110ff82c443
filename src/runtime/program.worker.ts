import { expose } from 'comlink';
import { workerApi } from './worker/worker-api';

// Error positions come from stack traces; the default depth of 10 can miss the learner's frame.
(Error as ErrorConstructor & { stackTraceLimit: number }).stackTraceLimit = 50;
expose(workerApi);
