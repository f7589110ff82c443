import { parentPort } from 'node:worker_threads';
import { Heap, ThreadStatus } from '../../../sync';
import { Control } from '../../control';
import { StepBoard, StepOp } from '../board';
import { HandOff } from '../hand-off';
import { Stepper } from '../stepper';

/** What the hand-off test sends each worker_thread. */
export type HandOffJob = {
  board: SharedArrayBuffer;
  heap: SharedArrayBuffer;
  thread: number;
  steps: number;
  /** Int32 index of the shared "inside" counter; `liveWord` of the run's live-thread count. */
  inside: number;
  liveWord: number;
  /** Int32 index of this thread's status word in the heap's thread table. */
  statusWord: number;
  /** Whether the thread hands the next step over itself when the run's plan allows it. */
  handOff?: boolean;
  /**
   * Int32 index of the moves record: a count, then the id of the thread of every step taken, in
   * the order they were really taken (each thread appends itself as it moves).
   */
  moves?: number;
};

// One program thread, reduced to its scheduling points: between two points it increments and
// decrements a shared counter. If two threads ever moved at once, one would read 2.
parentPort?.on('message', (job: HandOffJob) => {
  const i32 = new Int32Array(job.heap);
  const board = new StepBoard(job.board);
  const heap = Heap.attach(job.heap);
  const handOff = job.handOff ? new HandOff(heap, new Control(heap), board) : null;
  const stepper = new Stepper(board, job.thread, () => '', handOff);
  let most = 0;
  const moved = () => {
    if (job.moves === undefined) return;
    const k = Atomics.add(i32, job.moves, 1);
    Atomics.store(i32, job.moves + 1 + k, job.thread);
  };
  stepper.point(StepOp.start);
  moved();
  Atomics.store(i32, job.statusWord, ThreadStatus.Running);
  for (let k = 0; k < job.steps; k++) {
    stepper.point(StepOp.write);
    moved();
    most = Math.max(most, Atomics.add(i32, job.inside, 1) + 1);
    for (let spin = 0; spin < 200; spin++) most = Math.max(most, Atomics.load(i32, job.inside));
    Atomics.sub(i32, job.inside, 1);
  }
  stepper.point(StepOp.end);
  moved();
  Atomics.store(i32, job.statusWord, ThreadStatus.Done);
  Atomics.sub(i32, job.liveWord, 1);
  stepper.finish();
  parentPort?.postMessage(most);
});
