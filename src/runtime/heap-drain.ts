import type { Heap } from '../sync';
import type { TraceRings } from '../trace/ring';
import { ControlWord, type Control } from './control';
import { MAX_KEPT_EVENTS, type LiveLog, type LogDelta } from './live-log';
import { descriptorOf, isRegistered } from './spawn';

/**
 * Events decoded per drain, over all threads: keeps each tick a few milliseconds so its thread
 * has no long tasks; a thread tracing faster than this overflows its ring, and the drops are
 * counted.
 */
const DRAIN_PER_TICK = 20_000;

/**
 * Reads what a run's threads published in shared memory since the last drain, never blocking.
 * The memory is the program's run's: it may be garbage, so everything decoded is checked
 * (control.ts and spawn.ts throw plain errors on corrupt words, which end the run as `error`).
 */
export class HeapDrain {
  private outputNext = 0;
  private threadsSeen = 0;
  private objectsSeen = 0;

  constructor(
    private readonly heap: Heap,
    private readonly control: Control,
    private readonly rings: TraceRings,
  ) {}

  /** The delta since the last drain, given what `log` already holds. */
  next(log: LiveLog): LogDelta {
    const room = MAX_KEPT_EVENTS - log.events.length;
    const perThread = DRAIN_PER_TICK / Math.max(1, this.threadsSeen);
    const events = room > 0 ? this.rings.drain(perThread) : [];
    const capDropped = room > 0 ? 0 : this.rings.discard();
    const { lines, next, truncated } = this.control.readOutput(this.outputNext);
    this.outputNext = next;
    const threads: LogDelta['threads'] = [];
    const started = Math.min(this.control.load(ControlWord.nextThread), this.heap.maxThreads);
    for (let id = this.threadsSeen; id < started; id++) {
      if (!isRegistered(this.control, id)) break;
      const d = descriptorOf(this.control, id);
      threads.push({ id, name: d.name, role: d.role, daemon: d.daemon });
    }
    this.threadsSeen += threads.length;
    const delta: LogDelta = {
      events,
      output: lines,
      threads,
      outputTruncated: truncated,
      ringDropped: this.rings.dropped(),
      capDropped,
      inputWaiting: this.control.load(ControlWord.inputWaiting) - 1,
    };
    if (this.heap.objectCount !== this.objectsSeen) {
      delta.objects = this.heap.objects().map(({ id, kind, name }) => ({ id, kind, name }));
      this.objectsSeen = delta.objects.length;
    }
    return delta;
  }
}
