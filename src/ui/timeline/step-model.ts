import type { PendingOp, StepThread, TakenStep } from '../../runtime/step/types';
import { EventKind } from '../../sync/kinds';
import type { LostUpdateEvent } from '../../trace/lost-updates';
import type { TraceEvent, TracedObject, TracedThread } from '../../trace/types';
import { isValueEvent, type ValueEvent } from '../../trace/value-events';

// The step timeline's model: x is the step, one lane per thread, one cell per step in the lane of
// the thread that took it ("read 5", "acquire lockA"), stretches where a thread could not move,
// and lost updates on the cells of their stale writes. Built from the steps the run took and its
// trace; no DOM.

export type StepCell = {
  /** 1-based: the first step is step 1. */
  step: number;
  thread: number;
  /** What the cell shows: the operation and, for a shared read or write, its value ("read 5"). */
  label: string;
  /** The object it touched ("counter", "lockA"), shown under the label; '' when none. */
  object: string;
  /** The whole step in words, for tooltips and screen readers. */
  text: string;
  /** The write is a lost update: this sentence says whose update it destroyed. */
  lost?: string;
};

/** Steps `fromStep` … `toStep` (inclusive) during which `thread` could not move, and why. */
export type WaitStretch = { thread: number; fromStep: number; toStep: number; reason: string };

export type StepLane = { thread: TracedThread; cells: StepCell[]; waits: WaitStretch[] };

export type StepTimelineModel = {
  lanes: StepLane[];
  /** Steps taken so far. */
  steps: number;
  /** The step whose event each shared read or write is (by seq): the event table's step column. */
  stepOfSeq: ReadonlyMap<number, number>;
};

export type StepModelInput = {
  threads: readonly TracedThread[];
  objects: readonly TracedObject[];
  /** The run's steps so far, in order (LiveLog.steps). */
  steps: readonly TakenStep[];
  events: readonly TraceEvent[];
  lostUpdates: readonly LostUpdateEvent[];
  /** The threads as they are now (StepState.threads): their waits continue to the present. */
  now: readonly StepThread[];
};

const VALUE_KINDS: Readonly<Record<string, readonly EventKind[]>> = {
  read: [EventKind.Read],
  write: [EventKind.Write],
  add: [EventKind.Add],
  cas: [EventKind.Cas, EventKind.CasFailed],
};

export function stepTimelineOf(input: StepModelInput): StepTimelineModel {
  const objectName = new Map(input.objects.map((o) => [o.id, o.name]));
  const threadName = new Map(input.threads.map((t) => [t.id, t.name]));
  const nameOf = (id: number) => threadName.get(id) ?? `T${id}`;
  const queues = valueQueues(input.events);
  const lostBySeq = new Map(input.lostUpdates.map((l) => [l.seq, l]));
  const stepOfSeq = new Map<number, number>();
  const cells: StepCell[] = [];
  input.steps.forEach((taken, index) => {
    const step = index + 1;
    const op = taken.op;
    const queue = queues.get(taken.thread);
    const event = op && queue ? takeValueEvent(queue, op, objectName) : undefined;
    if (event) stepOfSeq.set(event.seq, step);
    const lost = event ? lostBySeq.get(event.seq) : undefined;
    cells.push({
      step,
      thread: taken.thread,
      label: labelOf(op, event),
      object: op?.object ?? '',
      text: `Step ${step}: ${nameOf(taken.thread)} ${textOf(op, event)}`,
      ...(lost ? { lost: lostUpdateSentence(lost, nameOf) } : {}),
    });
  });
  const ids = [...input.threads.map((t) => t.id)];
  for (const t of [...input.steps.map((s) => s.thread), ...input.now.map((t) => t.id)])
    if (!ids.includes(t)) ids.push(t);
  const waits = waitStretchesOf(input.steps, input.now);
  return {
    lanes: ids.map((id) => ({
      thread: { id, name: nameOf(id) },
      cells: cells.filter((c) => c.thread === id),
      waits: waits.filter((w) => w.thread === id),
    })),
    steps: input.steps.length,
    stepOfSeq,
  };
}

/** Each thread's shared reads and writes, in its program order, to be matched with its steps. */
function valueQueues(
  events: readonly TraceEvent[],
): Map<number, { at: number; list: ValueEvent[] }> {
  const queues = new Map<number, { at: number; list: ValueEvent[] }>();
  for (const event of events) {
    if (!isValueEvent(event)) continue;
    let queue = queues.get(event.thread);
    if (!queue) queues.set(event.thread, (queue = { at: 0, list: [] }));
    queue.list.push(event);
  }
  return queues;
}

/**
 * The value event a step made, if its operation is a shared read or write and the thread's next
 * unmatched event is that operation on that object. A query (`locked()`, `qsize()`) shows as a
 * read but leaves no value event, so nothing is taken for it.
 */
function takeValueEvent(
  queue: { at: number; list: ValueEvent[] },
  op: PendingOp,
  objectName: ReadonlyMap<number, string>,
): ValueEvent | undefined {
  const kinds = VALUE_KINDS[op.op];
  const next = queue.list[queue.at];
  if (!kinds || !next || !kinds.includes(next.kind)) return undefined;
  if (op.object !== undefined && objectName.get(next.object) !== op.object) return undefined;
  queue.at++;
  return next;
}

function labelOf(op: PendingOp | undefined, event: ValueEvent | undefined): string {
  if (!op) return 'step';
  if (event) {
    if (event.kind === EventKind.CasFailed) return `cas ✗ ${event.value}`;
    if (event.kind === EventKind.Add || event.kind === EventKind.Cas)
      return `${op.op} → ${event.value}`;
    return `${op.op} ${event.value}`;
  }
  return op.op;
}

function textOf(op: PendingOp | undefined, event: ValueEvent | undefined): string {
  if (!op) return 'moved';
  const line = op.line === undefined ? '' : `, line ${op.line}`;
  if (event) {
    const object = op.object ?? 'a shared value';
    switch (event.kind) {
      case EventKind.Read:
        return `read ${object} → ${event.value}${line}`;
      case EventKind.CasFailed:
        return `compareExchange on ${object} found ${event.value}, no change${line}`;
      default:
        return `${op.op === 'write' ? 'wrote' : op.op} ${object} ← ${event.value}${line}`;
    }
  }
  return `${pendingWords(op)}`;
}

/** A pending operation in words: "read counter, line 8", "acquire lockA", "start". */
export function pendingWords(op: PendingOp): string {
  const what = op.object === undefined ? op.op : `${op.op} ${op.object}`;
  return op.line === undefined ? what : `${what}, line ${op.line}`;
}

/**
 * "T1 wrote 6 over T0's 6 (counter): T1 read 5 before T0 wrote." — the stale write, the update it
 * destroyed, and why it is stale (the read it was based on came before the other write). Without
 * the read (a report's entry), the first clause only.
 */
export function lostUpdateSentence(
  lost: Pick<LostUpdateEvent, 'variable' | 'thread' | 'wrote' | 'overwrote'> & {
    read?: { value: number };
  },
  nameOf: (thread: number) => string,
): string {
  const writer = nameOf(lost.thread);
  const other = nameOf(lost.overwrote.thread);
  const head = `${writer} wrote ${lost.wrote} over ${other}'s ${lost.overwrote.value} (${lost.variable})`;
  return lost.read
    ? `${head}: ${writer} read ${lost.read.value} before ${other} wrote.`
    : `${head}.`;
}

/**
 * Runs of steps during which each thread could not move for the same reason; a thread that still
 * cannot move (in `now`) has its last run continued to the step it is waiting at (steps + 1).
 */
export function waitStretchesOf(
  steps: readonly TakenStep[],
  now: readonly StepThread[],
): WaitStretch[] {
  const open = new Map<number, WaitStretch>();
  const done: WaitStretch[] = [];
  const at = (step: number, waiting: readonly { thread: number; reason: string }[]) => {
    const seen = new Set<number>();
    for (const { thread, reason } of waiting) {
      seen.add(thread);
      const current = open.get(thread);
      if (current && current.reason === reason && current.toStep === step - 1) {
        current.toStep = step;
        continue;
      }
      if (current) done.push(current);
      open.set(thread, { thread, fromStep: step, toStep: step, reason });
    }
    for (const [thread, stretch] of open)
      if (!seen.has(thread)) {
        done.push(stretch);
        open.delete(thread);
      }
  };
  steps.forEach((taken, index) => at(index + 1, taken.waiting ?? []));
  at(
    steps.length + 1,
    now.flatMap((t) =>
      !t.enabled && t.blockedReason !== undefined && t.status !== 'done' && t.status !== 'error'
        ? [{ thread: t.id, reason: t.blockedReason }]
        : [],
    ),
  );
  done.push(...open.values());
  return done.sort((a, b) => a.fromStep - b.fromStep || a.thread - b.thread);
}

/**
 * What a lane's header says of its thread now. The button reads `lead` then `op` ("Step T0:" /
 * "read counter, line 8"), so its visible words are its accessible name; `status` sits beside it.
 */
export type LaneHeader = {
  /** "Step T0:" when it can move, "T1 next:" when it cannot, "T0" once ended. */
  lead: string;
  /** "read counter, line 8"; "finished" or "failed" once ended. */
  op: string;
  /** "can move", or why it cannot ("waits for lockB, held by T1"); '' once ended. */
  status: string;
  enabled: boolean;
};

/** The header's accessible name: "Step T0: read counter, line 8". */
export const headerName = (header: LaneHeader) => `${header.lead} ${header.op}`;

export function laneHeaderOf(thread: StepThread | undefined, name: string): LaneHeader {
  if (!thread) return { lead: name, op: 'not started', status: '', enabled: false };
  if (thread.status === 'done' || thread.status === 'error') {
    const op = thread.status === 'done' ? 'finished' : 'failed';
    return { lead: name, op, status: '', enabled: false };
  }
  const op = thread.pending ? pendingWords(thread.pending) : 'its next step';
  if (!thread.enabled)
    return {
      lead: `${name} next:`,
      op,
      status: thread.blockedReason ?? 'cannot move now',
      enabled: false,
    };
  const status =
    thread.status === 'sleeping'
      ? 'sleeping: a step ends its sleep'
      : thread.status === 'blocked'
        ? 'waiting: a step times its wait out'
        : 'can move';
  return { lead: `Step ${name}:`, op, status, enabled: true };
}
