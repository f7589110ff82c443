import { parentPort } from 'node:worker_threads';
import { ThreadStatus } from '../../../sync';
import { StepBoard, StepOp } from '../board';
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
};

// One program thread, reduced to its scheduling points: between two points it increments and
// decrements a shared counter. If two threads ever moved at once, one would read 2.
parentPort?.on('message', (job: HandOffJob) => {
  const i32 = new Int32Array(job.heap);
  const stepper = new Stepper(new StepBoard(job.board), job.thread, () => '');
  let most = 0;
  stepper.point(StepOp.start);
  Atomics.store(i32, job.statusWord, ThreadStatus.Running);
  for (let k = 0; k < job.steps; k++) {
    stepper.point(StepOp.write);
    most = Math.max(most, Atomics.add(i32, job.inside, 1) + 1);
    for (let spin = 0; spin < 200; spin++) most = Math.max(most, Atomics.load(i32, job.inside));
    Atomics.sub(i32, job.inside, 1);
  }
  stepper.point(StepOp.end);
  Atomics.store(i32, job.statusWord, ThreadStatus.Done);
  Atomics.sub(i32, job.liveWord, 1);
  stepper.finish();
  parentPort?.postMessage(most);
});
