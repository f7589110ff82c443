/** A primitive used the wrong way (releasing an unheld lock, waiting without the lock…). */
export class SyncMisuseError extends Error {
  override name = 'SyncMisuseError';
}

/** A lock's owner died holding it; its waiters get this instead of hanging forever. */
export class AbandonedError extends Error {
  override name = 'AbandonedError';
  constructor(what: string, deadThread: number, thread: string) {
    super(`${what} was abandoned: thread ${deadThread} died holding it (seen by ${thread}).`);
  }
}

/** Raised in every waiter of a barrier that is aborted, reset or timed out (Python's BrokenBarrierError). */
export class BrokenBarrierError extends Error {
  override name = 'BrokenBarrierError';
}

/** `get` on an empty queue that would not (or could no longer) wait. */
export class QueueEmpty extends Error {
  override name = 'QueueEmpty';
}

/** `put` on a full queue that would not (or could no longer) wait. */
export class QueueFull extends Error {
  override name = 'QueueFull';
}
