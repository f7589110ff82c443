import { appendBySeq } from '../trace/ring';
import type { CycleStep, TraceEvent, TracedObject, TracedThread, WaitGraph } from '../trace/types';
import type { RunReport } from './contract-types';
import type { TakenStep } from './step/types';

/** Events kept per run; later ones are counted as dropped so a flood cannot exhaust the page. */
export const MAX_KEPT_EVENTS = 100_000;

export type LoggedThread = TracedThread & { role: string; daemon: boolean };
export type Hang = { graph: WaitGraph; cycles: CycleStep[][]; sentence: string };

/**
 * What one drain of a run's shared memory found: new events and output, newly registered
 * threads, the object list when it changed. Plain data, so it can cross from the runner frame
 * (where the run's memory lives) to the page.
 */
export type LogDelta = {
  events: TraceEvent[];
  output: RunReport['output'];
  threads: LoggedThread[];
  objects?: TracedObject[];
  outputTruncated: boolean;
  /** Events the rings lost so far (overflow), in total. */
  ringDropped: number;
  /** Events found past the page's cap in this drain. */
  capDropped: number;
  /** The thread blocked in input(), or -1. */
  inputWaiting: number;
  hang?: Hang;
  /** Step mode: the steps taken since the last drain. */
  steps?: TakenStep[];
};

/**
 * What has been read of a run so far: trace events, output, thread and object names. Built from
 * {@link LogDelta}s, identically where the run executes and on the page that shows it; the UI
 * renders it on animation frames.
 */
export class LiveLog {
  readonly events: TraceEvent[] = [];
  readonly output: RunReport['output'] = [];
  readonly threads: LoggedThread[] = [];
  objects: TracedObject[] = [];
  outputTruncated = false;
  /** How the run hung, when it deadlocked or got stuck: the wait-for graph and a sentence. */
  hang: Hang | null = null;
  /** The thread blocked in input() (its prompt is its last output line), or -1. */
  inputWaiting = -1;
  /** Step mode: every step taken so far, in order (empty in parallel mode). */
  readonly steps: TakenStep[] = [];
  /** Bumped at every delta that brought something: lets the UI skip redraws. */
  version = 0;
  private ringDropped = 0;
  private capDropped = 0;

  /** Room left under the event cap. */
  get room(): number {
    return MAX_KEPT_EVENTS - this.events.length;
  }

  apply(delta: LogDelta): void {
    const room = this.room;
    if (delta.events.length > 0 && room > 0)
      appendBySeq(
        this.events,
        room >= delta.events.length ? delta.events : delta.events.slice(0, room),
      );
    this.capDropped += delta.capDropped + Math.max(0, delta.events.length - Math.max(room, 0));
    this.ringDropped = delta.ringDropped;
    this.output.push(...delta.output);
    this.threads.push(...delta.threads);
    if (delta.objects) this.objects = delta.objects;
    this.outputTruncated = delta.outputTruncated;
    this.inputWaiting = delta.inputWaiting;
    if (delta.hang) this.hang = delta.hang;
    if (delta.steps) this.steps.push(...delta.steps);
    if (
      (delta.steps?.length ?? 0) > 0 ||
      delta.events.length > 0 ||
      delta.output.length > 0 ||
      delta.threads.length > 0 ||
      delta.objects ||
      delta.hang
    )
      this.version++;
  }

  /** Total events lost: rings that overflowed plus events past the cap. */
  get dropped(): number {
    return this.ringDropped + this.capDropped;
  }
}

/**
 * Splits a delta into deltas of at most `maxEvents` events each, which applied in order give the
 * same log. Each crosses to the page as its own message, so no single message takes the page's
 * main thread long to deserialize (a drain of eight busy threads holds tens of thousands).
 */
export function deltaChunks(delta: LogDelta, maxEvents: number): LogDelta[] {
  if (delta.events.length <= maxEvents) return [delta];
  const chunks: LogDelta[] = [];
  for (let at = 0; at < delta.events.length; at += maxEvents) {
    const last = at + maxEvents >= delta.events.length;
    const events = delta.events.slice(at, at + maxEvents);
    // Everything but the events travels once: output, threads and objects with the first chunk
    // (later events may name them); this drain's cap count, steps and hang with the last.
    const { hang, objects, steps, ...rest } = delta;
    chunks.push({
      ...rest,
      events,
      output: at === 0 ? delta.output : [],
      threads: at === 0 ? delta.threads : [],
      ...(at === 0 && objects ? { objects } : {}),
      capDropped: last ? delta.capDropped : 0,
      ...(last && hang ? { hang } : {}),
      ...(last && steps ? { steps } : {}),
    });
  }
  return chunks;
}
