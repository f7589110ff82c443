import { BlockOp } from '../../sync';

// The step board — one SharedArrayBuffer per step-mode run, shared by the page's controller and
// every program thread. Each thread has a row; the controller grants one thread at a time.
//
// Header (words)
// | word | name   | meaning                                                              |
// | 0    | signal | bumped (and notified) by a thread each time it parks, blocks or ends |
// | 1    | lines  | 1: threads publish the source line of each pending op (a stack read)  |
// | 2–3  | clock  | the virtual clock, float64 ms (f64 index 1)                          |
// | 4    | auto   | 1 while the threads hand steps to each other (./hand-off.ts)          |
// | 5    | taken  | steps taken so far: the schedule's length                            |
// | 6    | logged | entries of the step log the controller has not read yet             |
// | 14   | threads| rows on the board (fixed at creation, like word 15)                  |
// | 15   | prefix | words kept for the schedule to replay                                |
// Thread rows: ROW_WORDS words each, from word HEADER_WORDS
// | word | name      | meaning                                                          |
// | 0    | grant     | bumped by the controller to let the thread move; it waits on it  |
// | 1    | state     | a {@link ThreadState}                                            |
// | 2    | op        | the pending {@link StepOp}                                       |
// | 3    | object    | id + 1 of the object it concerns, 0 for none                     |
// | 4    | line      | the learner's source line of the call, 0 when unknown           |
// | 5    | waitIndex | Blocked: the Int32 index of the heap word it waits on           |
// | 6    | waitValue | Blocked: it waits while that word holds this value               |
// | 7    | timed     | 1 when the op can time out (deadline below)                      |
// | 8    | command   | what the last grant means: a {@link Command}                     |
// | 9    | thread    | join: id + 1 of the thread waited for                            |
// | 12–13| deadline  | float64 ms on the virtual clock (sleep end, time-out)            |
// After the rows: the plan (./plan.ts: PLAN_WORDS + 2 × maxThreads words), the schedule to replay
// (`prefixCap` words) and the step log (LOG_CAP entries of LOG_WORDS: the thread that took the step,
// the thread count, and the masks of the threads an automatic scheduler could take and of the
// ready ones, two words each).
// One thread moves at a time: plain stores to a row happen before the Atomics.add on the signal
// (by the thread) or on the grant (by the controller or the thread that ended the step) that
// publishes them.

const HEADER_WORDS = 16;
const ROW_WORDS = 16;
const SIGNAL = 0;
const LINES = 1;
const CLOCK_F64 = 1;
const AUTO = 4;
const TAKEN = 5;
const LOGGED = 6;
/** Words of the plan before its priority list (./plan.ts). */
export const PLAN_WORDS = 12;
/** Steps the log holds before the threads hand the run back to the controller to read it. */
export const LOG_CAP = 1024;
export const LOG_WORDS = 6;

export const Row = {
  grant: 0,
  state: 1,
  op: 2,
  object: 3,
  line: 4,
  waitIndex: 5,
  waitValue: 6,
  timed: 7,
  command: 8,
  thread: 9,
  deadline: 12,
} as const;

/** Where a thread is, as the controller sees it. */
export const ThreadState = {
  /** Registered, not yet at its first scheduling point. */
  unstarted: 0,
  /** Granted: running towards its next scheduling point. */
  moving: 1,
  /** At a scheduling point, its pending op published. */
  parked: 2,
  /** Inside a blocking wait (a lock, a queue…), until the word it waits on changes. */
  blocked: 3,
  ended: 4,
} as const;
export type ThreadState = (typeof ThreadState)[keyof typeof ThreadState];

/** What a grant tells the thread. */
export const Command = { go: 1, timeOut: 2 } as const;
export type Command = (typeof Command)[keyof typeof Command];

/** Pending operations (DESIGN §2's list, plus spawn, work and result). Stable numbers. */
export const StepOp = {
  start: 1,
  end: 2,
  read: 3,
  write: 4,
  add: 5,
  cas: 6,
  acquire: 7,
  release: 8,
  wait: 9,
  notify: 10,
  set: 11,
  clear: 12,
  put: 13,
  get: 14,
  barrier: 15,
  join: 16,
  sleep: 17,
  print: 18,
  input: 19,
  spawn: 20,
  work: 21,
  result: 22,
} as const;
export type StepOp = (typeof StepOp)[keyof typeof StepOp];

const opNames = Object.fromEntries(Object.entries(StepOp).map(([k, v]) => [v, k])) as Record<
  number,
  string
>;

/** The op's name as a pending operation shows it (`acquire`, `read`…). */
export function opName(op: number): string {
  return opNames[op] ?? 'step';
}

/** What a blocking wait's op is called as a pending operation. */
export const stepOpOfBlock: Record<number, StepOp> = {
  [BlockOp.Acquire]: StepOp.acquire,
  [BlockOp.Wait]: StepOp.wait,
  [BlockOp.Join]: StepOp.join,
  [BlockOp.Get]: StepOp.get,
  [BlockOp.Put]: StepOp.put,
  [BlockOp.Barrier]: StepOp.barrier,
  [BlockOp.Result]: StepOp.result,
  [BlockOp.Input]: StepOp.input,
};

/** A set of thread ids below 64, as two 32-bit words. */
export type Mask = { lo: number; hi: number };

/** Whether `id` is in `mask`. */
export function inMask(mask: Mask, id: number): boolean {
  return ((id < 32 ? mask.lo : mask.hi) & (1 << (id & 31))) !== 0;
}

// Header words that size the regions after the rows (written once, before anyone shares the board).
const MAX_THREADS_WORD = 14;
const PREFIX_CAP_WORD = 15;

/** Typed access to a step board; the same class on the page and in the workers. */
export class StepBoard {
  readonly i32: Int32Array;
  readonly f64: Float64Array;

  /** Word index of the plan, of the schedule to replay, and of the step log. */
  readonly planBase: number;
  readonly prefixBase: number;
  readonly logBase: number;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
    const maxThreads = this.i32[MAX_THREADS_WORD] ?? 0;
    this.planBase = HEADER_WORDS + maxThreads * ROW_WORDS;
    this.prefixBase = this.planBase + PLAN_WORDS + 2 * maxThreads;
    this.logBase = this.prefixBase + (this.i32[PREFIX_CAP_WORD] ?? 0);
  }

  /** A board for `maxThreads` threads that can replay a schedule of up to `prefixCap` steps. */
  static create(maxThreads: number, prefixCap = 0): StepBoard {
    const words =
      HEADER_WORDS +
      maxThreads * ROW_WORDS +
      PLAN_WORDS +
      2 * maxThreads +
      prefixCap +
      LOG_CAP * LOG_WORDS;
    // Whole float64s: the board is also read as a Float64Array (the clock, the deadlines).
    const i32 = new Int32Array(new SharedArrayBuffer(Math.ceil(words / 2) * 8));
    i32[MAX_THREADS_WORD] = maxThreads;
    i32[PREFIX_CAP_WORD] = prefixCap;
    return new StepBoard(i32.buffer as SharedArrayBuffer);
  }

  get maxThreads(): number {
    return this.i32[MAX_THREADS_WORD] ?? 0;
  }

  get prefixCap(): number {
    return this.i32[PREFIX_CAP_WORD] ?? 0;
  }

  /** Whether the threads hand steps over themselves (else each step waits for the controller). */
  get auto(): boolean {
    return Atomics.load(this.i32, AUTO) === 1;
  }

  set auto(on: boolean) {
    Atomics.store(this.i32, AUTO, on ? 1 : 0);
  }

  /** Steps taken so far, whoever granted them. */
  get taken(): number {
    return Atomics.load(this.i32, TAKEN);
  }

  /** Entries in the step log not read yet. */
  get logged(): number {
    return Atomics.load(this.i32, LOGGED);
  }

  /** Word index of log entry `k`. */
  logEntry(k: number): number {
    return this.logBase + k * LOG_WORDS;
  }

  /** The controller has read the log: it starts again from its first entry. */
  clearLog(): void {
    Atomics.store(this.i32, LOGGED, 0);
  }

  /** Counts a step granted by the controller (threads count theirs as they log them). */
  countStep(): void {
    Atomics.add(this.i32, TAKEN, 1);
  }

  /** Appends a step taken by a thread's hand-off to the log, and counts it. */
  logStep(thread: number, count: number, autoMask: Mask, readyMask: Mask): void {
    const at = this.logEntry(Atomics.load(this.i32, LOGGED));
    const i32 = this.i32;
    i32[at] = thread;
    i32[at + 1] = count;
    i32[at + 2] = autoMask.lo;
    i32[at + 3] = autoMask.hi;
    i32[at + 4] = readyMask.lo;
    i32[at + 5] = readyMask.hi;
    Atomics.add(i32, LOGGED, 1);
    Atomics.add(i32, TAKEN, 1);
  }

  /** Int32 index of a field of a thread's row. */
  word(thread: number, field: number): number {
    return HEADER_WORDS + thread * ROW_WORDS + field;
  }

  get(thread: number, field: number): number {
    return Atomics.load(this.i32, this.word(thread, field));
  }

  set(thread: number, field: number, value: number): void {
    Atomics.store(this.i32, this.word(thread, field), value);
  }

  deadline(thread: number): number {
    return this.f64[this.word(thread, Row.deadline) >> 1] ?? Infinity;
  }

  setDeadline(thread: number, ms: number): void {
    this.f64[this.word(thread, Row.deadline) >> 1] = ms;
  }

  get clockMs(): number {
    return this.f64[CLOCK_F64] ?? 0;
  }

  set clockMs(ms: number) {
    this.f64[CLOCK_F64] = ms;
  }

  /** Moves the virtual clock forward to `ms` (never back). */
  advanceTo(ms: number): void {
    if (ms > this.clockMs && ms !== Infinity) this.clockMs = ms;
  }

  readonly signalIndex = SIGNAL;

  /** Whether threads read their source line at each point: a learner needs it, a search does not. */
  get lines(): boolean {
    return Atomics.load(this.i32, LINES) === 1;
  }

  set lines(on: boolean) {
    Atomics.store(this.i32, LINES, on ? 1 : 0);
  }

  /** Tells the controller that this thread's row changed (parked, blocked, ended). */
  signal(): void {
    Atomics.add(this.i32, SIGNAL, 1);
    Atomics.notify(this.i32, SIGNAL);
  }

  /** Lets `thread` move: its grant word changes and it wakes. */
  grant(thread: number, command: Command): void {
    this.set(thread, Row.command, command);
    this.set(thread, Row.state, ThreadState.moving);
    const word = this.word(thread, Row.grant);
    Atomics.add(this.i32, word, 1);
    Atomics.notify(this.i32, word);
  }
}
