import type { Heap } from '../sync';
import { appendBySeq, type TraceRings } from '../trace/ring';
import type { CycleStep, TraceEvent, TracedObject, TracedThread, WaitGraph } from '../trace/types';
import { C, type Control } from './control';
import type { RunReport } from './contract-types';
import { descriptorOf } from './spawn';

/** Events kept per run; later ones are counted as dropped so a flood cannot exhaust the page. */
export const MAX_KEPT_EVENTS = 100_000;
/**
 * Events decoded per drain, over all threads: keeps each tick a few milliseconds so the page has
 * no long tasks; a thread tracing faster than this overflows its ring, and the drops are counted.
 */
const DRAIN_PER_TICK = 20_000;

/**
 * What the page has read of a run so far: trace events, output, thread and object names.
 * Filled by draining shared memory (never blocking); the UI renders it on animation frames.
 */
export class LiveLog {
  readonly events: TraceEvent[] = [];
  readonly output: RunReport['output'] = [];
  readonly threads: (TracedThread & { role: string; daemon: boolean })[] = [];
  objects: TracedObject[] = [];
  outputTruncated = false;
  droppedEvents = 0;
  /** How the run hung, when it deadlocked or got stuck: the wait-for graph and a sentence. */
  hang: { graph: WaitGraph; cycles: CycleStep[][]; sentence: string } | null = null;
  /** Bumped at every drain that found something: lets the UI skip redraws. */
  version = 0;
  private outputNext = 0;

  constructor(
    private readonly heap: Heap,
    private readonly control: Control,
    private readonly rings: TraceRings,
  ) {}

  /** Reads whatever the threads published since the last drain. */
  drain(): void {
    const room = MAX_KEPT_EVENTS - this.events.length;
    const batch =
      room > 0 ? this.rings.drain(DRAIN_PER_TICK / Math.max(1, this.threads.length)) : [];
    if (room <= 0) this.droppedEvents += this.rings.discard();
    if (batch.length > room) this.droppedEvents += batch.length - room;
    if (room > 0) appendBySeq(this.events, room >= batch.length ? batch : batch.slice(0, room));
    const { lines, next, truncated } = this.control.readOutput(this.outputNext);
    this.output.push(...lines);
    this.outputNext = next;
    this.outputTruncated = truncated;
    const started = Math.min(this.control.load(C.nextThread), this.heap.maxThreads);
    for (let id = this.threads.length; id < started; id++) {
      if (Atomics.load(this.control.i32, this.control.threadField(id, 0)) === 0) break;
      const d = descriptorOf(this.control, id);
      this.threads.push({ id, name: d.name, role: d.role, daemon: d.daemon });
    }
    if (this.heap.objectCount !== this.objects.length) {
      this.objects = this.heap.objects().map(({ id, kind, name }) => ({ id, kind, name }));
    }
    if (batch.length > 0 || lines.length > 0) this.version++;
  }

  /** Total events lost: rings that overflowed plus events past the page's cap. */
  get dropped(): number {
    return this.rings.dropped() + this.droppedEvents;
  }
}
