// The program model's globals (docs/programs.md) as a declaration file, for the editor: Monaco's
// IntelliSense completes these names and shows the comments on hover, so they are written for
// learners (plain words, units, the Python name). Keep it in step with worker/program-globals.ts
// and docs/programs.md: editor-declarations.test.ts fails when a name is missing on either side or
// a demo no longer type-checks against it.

/** Declarations of every global a program can use, as one `.d.ts` text. */
export const programGlobalsDts = `
/** Options every shared object takes as its last constructor argument. */
interface SharedOptions {
  /** The name shown in the timeline and in messages. Defaults to the variable's name. */
  name?: string;
}

/** A mutual-exclusion lock: one holder at a time. Python: threading.Lock. */
declare class Lock {
  constructor(options?: SharedOptions);
  /** Waits until the lock is free and takes it. With timeoutMs, gives up after that many ms. acquire(0) never waits. Returns whether the lock was taken. */
  acquire(timeoutMs?: number): boolean;
  /** Takes the lock only if it is free right now; never waits. */
  tryAcquire(): boolean;
  /** Frees the lock. An error if it is not locked. Any thread may release a Lock (as in Python). */
  release(): void;
  /** Whether some thread holds the lock right now. */
  locked(): boolean;
  /** Takes the lock for a \`using\` block: \`using _ = lock.hold();\` releases it at the end of the block. */
  hold(): Disposable;
  /** Runs fn holding the lock and returns its result; releases even if fn throws. Python: \`with lock:\`. */
  with<T>(fn: () => T): T;
  /** The name shown in the UI. */
  readonly name: string;
}

/** A re-entrant lock: its owner may take it again (each acquire needs its own release). Only the owner may release it. Python: threading.RLock. */
declare class RLock {
  constructor(options?: SharedOptions);
  /** Takes the lock (again, if this thread already owns it). With timeoutMs, gives up after that many ms. Returns whether it was taken. */
  acquire(timeoutMs?: number): boolean;
  /** Takes the lock only if it is free or already this thread's; never waits. */
  tryAcquire(): boolean;
  /** Undoes one acquire; the lock is free after as many releases as acquires. An error from a thread that does not own it. */
  release(): void;
  /** Whether some thread holds the lock right now. */
  locked(): boolean;
  /** Takes the lock for a \`using\` block. */
  hold(): Disposable;
  /** Runs fn holding the lock; releases even if fn throws. Python: \`with rlock:\`. */
  with<T>(fn: () => T): T;
  readonly name: string;
}

/** A counter of permits: acquire takes one (waiting at zero), release gives one back. Limits how many threads use something at once. Python: threading.Semaphore. */
declare class Semaphore {
  /** n: the number of permits to start with (default 1; negative is an error). */
  constructor(n?: number, options?: SharedOptions);
  /** Takes a permit, waiting while there is none. With timeoutMs, gives up after that many ms. Returns whether a permit was taken. */
  acquire(timeoutMs?: number): boolean;
  /** Takes a permit only if one is free right now; never waits. */
  tryAcquire(): boolean;
  /** Gives back k permits (default 1), waking waiters. A plain Semaphore never complains about extra releases. */
  release(k?: number): void;
  /** Takes a permit for a \`using\` block. */
  hold(): Disposable;
  /** Runs fn holding a permit; gives it back even if fn throws. Python: \`with sem:\`. */
  with<T>(fn: () => T): T;
  /** Permits free right now. */
  readonly value: number;
  readonly name: string;
}

/** A Semaphore that refuses to be released past its starting count: an extra release is an error instead of a silent extra permit. Python: threading.BoundedSemaphore. */
declare class BoundedSemaphore extends Semaphore {}

/** A flag threads can wait for: starts cleared; set() wakes every waiter. Python: threading.Event. */
declare class Event {
  constructor(options?: SharedOptions);
  /** Sets the flag and wakes every waiting thread. */
  set(): void;
  /** Clears the flag: later wait() calls block again. */
  clear(): void;
  /** Whether the flag is set. Python: is_set(). */
  isSet(): boolean;
  /** Waits until the flag is set (returns at once if it is). With timeoutMs, gives up after that many ms. Returns true if the flag was set, false on timeout. */
  wait(timeoutMs?: number): boolean;
  readonly name: string;
}

/** A condition variable: wait until another thread says something changed. Bound to a lock that must be held around wait and notify. Python: threading.Condition. */
declare class Condition {
  /** lock: the Lock or RLock to use (default: a new RLock). */
  constructor(lock?: Lock | RLock, options?: SharedOptions);
  /** Takes the condition's lock. */
  acquire(timeoutMs?: number): boolean;
  /** Releases the condition's lock. */
  release(): void;
  /** Takes the lock for a \`using\` block. */
  hold(): Disposable;
  /** Runs fn holding the lock. Python: \`with cond:\`. */
  with<T>(fn: () => T): T;
  /** Releases the lock, sleeps until notified (or timeoutMs passes), then takes the lock back. Returns false on timeout. Wake-ups may be early or stolen: re-check your condition in a loop. */
  wait(timeoutMs?: number): boolean;
  /** Waits until pred() is truthy, re-checking after every wake-up; returns pred's last value (falsy after a timeout). Python: wait_for. */
  waitFor<T>(pred: () => T, timeoutMs?: number): T;
  /** Wakes at most n waiting threads (default 1). Needs the lock. */
  notify(n?: number): void;
  /** Wakes every waiting thread. Needs the lock. Python: notify_all. */
  notifyAll(): void;
  /** The lock this condition is bound to. */
  readonly lock: Lock | RLock;
  readonly name: string;
}

/** A meeting point for a fixed number of threads: each wait() blocks until all parties have arrived, then all go on together. Python: threading.Barrier. */
declare class Barrier {
  /** parties: how many threads must arrive. timeoutMs: the default timeout of wait(). */
  constructor(parties: number, options?: SharedOptions & { timeoutMs?: number });
  /** Waits for the other parties. Returns this thread's arrival index, a different one from 0 to parties - 1 for each thread. Throws BrokenBarrierError if the barrier is aborted, reset or times out. */
  wait(timeoutMs?: number): number;
  /** Breaks the barrier: current and future waiters throw BrokenBarrierError. */
  abort(): void;
  /** Returns the barrier to its empty state; current waiters throw BrokenBarrierError. */
  reset(): void;
  /** Whether the barrier is broken. */
  readonly broken: boolean;
  /** Threads waiting right now. Python: n_waiting. */
  readonly nWaiting: number;
  /** Threads needed to pass. */
  readonly parties: number;
  readonly name: string;
}

/** A thread-safe first-in, first-out queue. Items are numbers, strings or small JSON values (at most 256 characters as JSON). Python: queue.Queue. */
declare class Queue<T = any> {
  /** maxsize: most items held at once; 0 (the default) means unbounded, up to 1024 items. */
  constructor(maxsize?: number, options?: SharedOptions);
  /** Adds an item, waiting while the queue is full. With timeoutMs, throws QueueFull after that many ms. */
  put(item: T, timeoutMs?: number): void;
  /** Removes and returns the oldest item, waiting while the queue is empty. With timeoutMs, throws QueueEmpty after that many ms. */
  get(timeoutMs?: number): T;
  /** put without waiting: throws QueueFull if the queue is full. Python: put_nowait. */
  putNowait(item: T): void;
  /** get without waiting: throws QueueEmpty if the queue is empty. Python: get_nowait. */
  getNowait(): T;
  /** Marks one item taken with get() as fully processed (for join()). An error if called more times than items were put. Python: task_done. */
  taskDone(): void;
  /** Waits until every item ever put has been marked with taskDone(). Returns false if timeoutMs passes first. */
  join(timeoutMs?: number): boolean;
  /** Items in the queue right now. */
  qsize(): number;
  empty(): boolean;
  full(): boolean;
  readonly maxsize: number;
  readonly name: string;
}

/** A shared 32-bit integer. Reading and writing .value are plain (not atomic), so races between threads are real. */
declare class SharedInt {
  constructor(value?: number, options?: SharedOptions);
  /** The current value: a plain read or write. \`x.value += 1\` is a read then a write, and can lose updates. */
  value: number;
  /** Atomically adds d (may be negative); returns the value before. */
  add(d: number): number;
  /** Atomically sets the value to v if it equals expected; returns the value before (equal to expected when it worked). */
  compareExchange(expected: number, v: number): number;
  readonly name: string;
}

/** A shared 64-bit floating-point number, like SharedInt. */
declare class SharedFloat {
  constructor(value?: number, options?: SharedOptions);
  /** The current value: a plain read or write. */
  value: number;
  /** Atomically adds d; returns the value before. */
  add(d: number): number;
  /** Atomically sets the value to v if it equals expected; returns the value before. */
  compareExchange(expected: number, v: number): number;
  readonly name: string;
}

/** A fixed-length shared array of 32-bit integers. */
declare class SharedArray {
  /** n: the length; fill: the starting value of every element (default 0). */
  constructor(n: number, fill?: number, options?: SharedOptions);
  /** A plain read of element i. */
  get(i: number): number;
  /** A plain write of element i. */
  set(i: number, v: number): void;
  /** Atomically adds d to element i; returns the value before. */
  add(i: number, d: number): number;
  /** Atomically sets element i to v if it equals expected; returns the value before. */
  compareExchange(i: number, expected: number, v: number): number;
  /** A copy of all elements. */
  toArray(): number[];
  readonly length: number;
  readonly name: string;
}

/** A thread running target(...args). target must be an exported function; args must be JSON-like or shared objects (a Queue or Lock passed here is the same object in the new thread). Python: threading.Thread. */
declare class Thread {
  constructor(target: (...args: any[]) => unknown, ...args: any[]);
  /** Starts the thread; it then runs on its own. A thread can be started once. */
  start(): void;
  /** Waits until the thread has ended, or timeoutMs has passed. Returns whether it ended. */
  join(timeoutMs?: number): boolean;
  /** Whether the thread has started and not yet ended. Python: is_alive. */
  isAlive(): boolean;
  /** The thread's name (set it before start()). */
  name: string;
  /** A daemon thread does not keep the run alive: the run ends when every non-daemon thread has ended. Set before start(). */
  daemon: boolean;
}

/** A thread that calls fn(...args) once after delayMs, unless cancelled first. fn must be an exported function. Python: threading.Timer. */
declare class Timer {
  constructor(delayMs: number, fn: (...args: any[]) => unknown, ...args: any[]);
  start(): void;
  /** Stops the timer if it has not fired yet; does nothing after. */
  cancel(): void;
  /** Waits until the timer's thread has ended. */
  join(timeoutMs?: number): boolean;
  /** Like Thread.daemon; set before start(). */
  daemon: boolean;
}

/** The pending result of a task submitted to a ThreadPool. Python: concurrent.futures.Future. */
declare class Future<T = any> {
  /** Waits for the task and returns its value, or throws its error. With timeoutMs, throws TimeoutError after that many ms. */
  result(timeoutMs?: number): T;
  /** Whether the task has finished, failed or been cancelled. */
  done(): boolean;
  /** Waits for the task and returns its error, or null if it succeeded. */
  exception(timeoutMs?: number): Error | null;
  /** Cancels the task if it has not started yet; returns whether it is cancelled. */
  cancel(): boolean;
}

/** A pool of at most maxWorkers threads that run submitted tasks, reusing threads between tasks. Python: concurrent.futures.ThreadPoolExecutor. */
declare class ThreadPool {
  constructor(maxWorkers: number);
  /** Queues fn(...args) to run on a pool thread; returns its Future. fn must be an exported function. */
  submit<T>(fn: (...args: any[]) => T, ...args: any[]): Future<T>;
  /** Runs fn on every item in the pool; returns the results in the items' order (throws the first error). */
  map<T>(fn: (item: any) => T, items: Iterable<unknown>): T[];
  /** Lets the pool finish the queued tasks and end its threads; with wait (default true), waits for them. */
  shutdown(wait?: boolean): void;
  /** \`using pool = new ThreadPool(4)\` shuts it down at the end of the block. */
  [Symbol.dispose](): void;
}

/** Yields the futures as they finish, whatever the order they were submitted in. With timeoutMs, throws TimeoutError if they are not all done by then. Python: as_completed. */
declare function asCompleted<T>(futures: Iterable<Future<T>>, timeoutMs?: number): Iterable<Future<T>>;

/** Thrown by Barrier.wait when the barrier is broken, reset or times out. */
declare class BrokenBarrierError extends Error {}
/** Thrown by a Queue get that times out or does not wait. Python: queue.Empty. */
declare class QueueEmpty extends Error {}
/** Thrown by a Queue put that times out or does not wait. Python: queue.Full. */
declare class QueueFull extends Error {}
/** Thrown by Future.result for a cancelled task. */
declare class CancelledError extends Error {}
/** Thrown by Future.result and asCompleted when their timeout passes. */
declare class TimeoutError extends Error {}

/** Simulated I/O: blocks this thread for ms milliseconds without using the CPU (releases the GIL). Python: time.sleep (in seconds). */
declare function sleep(ms: number): void;
/** CPU-bound busy work: a fixed amount of computing that takes about ms milliseconds on one core (time waiting for the GIL does not count). */
declare function work(ms: number): void;
/** Prints a line to the output panel, tagged with this thread and the time. */
declare function print(...values: unknown[]): void;
/** Prints prompt and waits until the learner types a line; returns it. Releases the GIL while waiting. */
declare function input(prompt?: string): string;
/** A random number in [0, 1), seeded per run and thread, so a run with the same seed repeats. */
declare function random(): number;

/** This thread's global index (0-based): the id passed to thread(id), 0 for main. */
declare const threadId: number;
/** This thread's name, e.g. "T2", "consumer-1", "main". */
declare const threadName: string;
/** An object with a separate value in every thread: store per-thread state here. Python: threading.local(). */
declare const local: Record<string, any>;
/** The knob values of this run: each knob's default, overridden by the link or the controls. threads, gil and seed are always there. */
// A demo's own knobs are numbers, switches or choices, each of its own type; one declaration serves
// every program, so their values are left untyped rather than a union no arithmetic accepts.
declare const params: { readonly [knob: string]: any } & {
  /** The number of threads (overrides \`export const threads\`). */
  readonly threads: number;
  /** Whether the simulated global interpreter lock is on. */
  readonly gil: boolean;
  /** The seed of random(). */
  readonly seed: number;
};
`;
