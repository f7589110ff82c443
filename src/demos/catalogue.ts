import { atomicVsLock } from './catalogue/atomic-vs-lock';
import { barrierPhases } from './catalogue/barrier-phases';
import { boundedBuffer } from './catalogue/bounded-buffer';
import { checkThenAct } from './catalogue/check-then-act';
import { daemonThreads } from './catalogue/daemon-threads';
import { deadlock } from './catalogue/deadlock';
import { diningPhilosophers } from './catalogue/dining-philosophers';
import { eventSignal } from './catalogue/event-signal';
import { forgotJoin } from './catalogue/forgot-join';
import { ioVsCpu } from './catalogue/io-vs-cpu';
import { lockOrdering } from './catalogue/lock-ordering';
import { lockTimeout } from './catalogue/lock-timeout';
import { producerConsumerCondition } from './catalogue/producer-consumer-condition';
import { queuePipeline } from './catalogue/queue-pipeline';
import { raceCounter } from './catalogue/race-counter';
import { rateLimitedClient } from './catalogue/rate-limited-client';
import { responsiveConsole } from './catalogue/responsive-console';
import { rlockReentry } from './catalogue/rlock-reentry';
import { scratch } from './catalogue/scratch';
import { semaphorePool } from './catalogue/semaphore-pool';
import { starvation } from './catalogue/starvation';
import { threadLocal } from './catalogue/thread-local';
import { threadPoolScraper } from './catalogue/thread-pool-scraper';
import { timerCancel } from './catalogue/timer-cancel';
import { tooManyThreads } from './catalogue/too-many-threads';
import type { DemoDefinition } from './types';

/**
 * Every demo, in teaching order: threads and their lifecycle, then races and locks, then
 * signalling and queues, then deadlocks, then pools and whole applications. The picker shows
 * this order; ids are public (share links), so a demo is never renamed or removed.
 */
export const demos: readonly DemoDefinition[] = [
  scratch,
  forgotJoin,
  daemonThreads,
  ioVsCpu,
  raceCounter,
  checkThenAct,
  atomicVsLock,
  rlockReentry,
  starvation,
  semaphorePool,
  rateLimitedClient,
  eventSignal,
  producerConsumerCondition,
  boundedBuffer,
  queuePipeline,
  barrierPhases,
  timerCancel,
  threadLocal,
  deadlock,
  lockOrdering,
  lockTimeout,
  diningPhilosophers,
  threadPoolScraper,
  tooManyThreads,
  responsiveConsole,
];

export function demoById(id: string): DemoDefinition | undefined {
  return demos.find((d) => d.id === id);
}
