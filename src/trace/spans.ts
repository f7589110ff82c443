import { BlockOp, EventKind, WakeResult } from '../sync/kinds';
import type { HoldSpan, StateSpan, TimedEvent, WakeArrow } from './types';

// Pure analysis of a run's events (sorted by seq, times filled in by `withTimes`) into what the
// timeline draws: per-thread state lanes, lock holds, and who woke whom.

type State = Pick<StateSpan, 'state' | 'object' | 'op'>;
type Lane = { open: (State & { startUs: number }) | null; ended: boolean; spans: StateSpan[] };

/**
 * Each thread's lane as consecutive, non-overlapping state spans, lanes in `threadIds` order.
 * A lane starts at its first state-changing event (normally ThreadStart, 'starting' until the
 * target runs at ThreadRun) and its last span runs
 * to `endUs` ('done' and 'failed' after ThreadEnd; whatever the thread was doing if it never ended).
 * A change to the state the lane is already in does not split the span; zero-length spans are
 * left out.
 */
export function spansOf(
  events: readonly TimedEvent[],
  threadIds: readonly number[],
  endUs: number,
): StateSpan[] {
  const lanes = new Map<number, Lane>(
    threadIds.map((id) => [id, { open: null, ended: false, spans: [] }]),
  );
  for (const event of events) {
    const lane = lanes.get(event.thread);
    const next = stateAfter(event);
    if (lane === undefined || lane.ended || next === null) continue;
    enter(lane, event.thread, next, event.timeUs);
    lane.ended = event.kind === EventKind.ThreadEnd;
  }
  return threadIds.flatMap((id) => {
    const lane = lanes.get(id);
    if (lane === undefined) return [];
    if (lane.open !== null) close(lane, id, endUs);
    return lane.spans;
  });
}

/** The state an event puts its thread in, or null if the event does not change it. */
function stateAfter(event: TimedEvent): State | null {
  switch (event.kind) {
    case EventKind.ThreadStart:
      return { state: 'starting' };
    case EventKind.ThreadRun:
    case EventKind.Wake:
    case EventKind.SleepEnd:
    case EventKind.InputEnd:
    case EventKind.GilAcquire:
      return { state: 'running' };
    case EventKind.Block:
      if (event.aux === BlockOp.Gil) return { state: 'gil-wait' };
      if (event.aux === BlockOp.Input) return { state: 'input' };
      return { state: 'waiting', object: event.object, op: event.aux as BlockOp };
    case EventKind.SleepBegin:
      return { state: 'sleeping' };
    case EventKind.InputBegin:
      return { state: 'input' };
    case EventKind.GilWait:
      return { state: 'gil-wait' };
    case EventKind.ThreadEnd:
      return { state: event.aux === 0 ? 'done' : 'failed' };
    default:
      return null;
  }
}

function enter(lane: Lane, thread: number, next: State, timeUs: number): void {
  const open = lane.open;
  if (open !== null) {
    if (open.state === next.state && open.object === next.object && open.op === next.op) return;
    close(lane, thread, timeUs);
  }
  // Clocks of different threads race their seq numbers by a few µs: never let a lane run backwards.
  lane.open = { ...next, startUs: Math.max(timeUs, open?.startUs ?? timeUs) };
}

function close(lane: Lane, thread: number, timeUs: number): void {
  const open = lane.open;
  if (open === null) return;
  const span: StateSpan = {
    thread,
    state: open.state,
    startUs: open.startUs,
    endUs: Math.max(timeUs, open.startUs),
  };
  if (open.object !== undefined) span.object = open.object;
  if (open.op !== undefined) span.op = open.op;
  // A zero-length span draws nothing and would only split its neighbours.
  if (span.endUs > span.startUs) lane.spans.push(span);
  lane.open = null;
}

type OpenHold = { thread: number; startUs: number; depth: number };

/**
 * Who held which lock-like object (or semaphore permit) when, sorted by start, then thread,
 * then object. Re-entrant acquisitions by the holder nest into one span. A Release carries the
 * holds left after it (aux: 1 while an RLock's owner still holds a level, the permits still
 * taken of a semaphore), so each Release lets go of as many levels as exceed that count — the
 * releasing thread's own first, then, since any thread may release a Lock or a Semaphore, the
 * longest-held. Counting down to aux, rather than one level per Release, keeps a Semaphore's
 * `release(k)` right, and an RLock held until its last Release even after a Condition wait
 * restored its depth with a single Acquire. Holds still open at the end (abandoned locks too) run
 * to `endUs`.
 */
export function holdsOf(events: readonly TimedEvent[], endUs: number): HoldSpan[] {
  const open = new Map<number, OpenHold[]>();
  const holds: HoldSpan[] = [];
  const finish = (object: number, hold: OpenHold, timeUs: number): void => {
    holds.push({ thread: hold.thread, object, startUs: hold.startUs, endUs: timeUs });
  };
  for (const event of events) {
    if (event.kind === EventKind.Acquire) {
      const holders = open.get(event.object) ?? [];
      const mine = holders.find((hold) => hold.thread === event.thread);
      if (mine !== undefined) mine.depth++;
      else holders.push({ thread: event.thread, startUs: event.timeUs, depth: 1 });
      open.set(event.object, holders);
    } else if (event.kind === EventKind.Release) {
      const holders = open.get(event.object) ?? [];
      let surplus = holders.reduce((sum, hold) => sum + hold.depth, 0) - Math.max(0, event.aux);
      while (surplus-- > 0) {
        const own = holders.findIndex((hold) => hold.thread === event.thread);
        const index = own >= 0 ? own : 0;
        const hold = holders[index];
        if (hold === undefined || --hold.depth > 0) continue;
        holders.splice(index, 1);
        finish(event.object, hold, event.timeUs);
      }
    }
  }
  for (const [object, holders] of open) for (const hold of holders) finish(object, hold, endUs);
  return holds.sort((a, b) => a.startUs - b.startUs || a.thread - b.thread || a.object - b.object);
}

/** The latest signal on an object, and the latest one from any other thread than that one's. */
type Signals = { latest: TimedEvent; other: TimedEvent | null };

/**
 * Arrows from a Release, Signal or GilRelease by thread A on object O to the next successful
 * Wake of thread B (≠ A) on O: each Wake is paired with the latest preceding signal on O by
 * another thread. A thread woken from a Join is paired with the target's ThreadEnd (there,
 * `object` is the target's thread id). In Wake order.
 */
export function wakeArrowsOf(events: readonly TimedEvent[]): WakeArrow[] {
  const signals = new Map<number, Signals>();
  const ends = new Map<number, TimedEvent>();
  const blockedOp = new Map<number, number>();
  const arrows: WakeArrow[] = [];
  for (const event of events) {
    switch (event.kind) {
      case EventKind.Release:
      case EventKind.Signal:
      case EventKind.GilRelease: {
        const seen = signals.get(event.object);
        if (seen === undefined) signals.set(event.object, { latest: event, other: null });
        else if (seen.latest.thread === event.thread) seen.latest = event;
        else signals.set(event.object, { latest: event, other: seen.latest });
        break;
      }
      case EventKind.ThreadEnd:
        ends.set(event.thread, event);
        break;
      case EventKind.Block:
        blockedOp.set(event.thread, event.aux);
        break;
      case EventKind.Wake: {
        if (event.aux !== WakeResult.Ok) break;
        const waker =
          blockedOp.get(event.thread) === BlockOp.Join
            ? ends.get(event.object)
            : signalBy(signals.get(event.object), event.thread);
        if (waker === undefined || waker.thread === event.thread) break;
        arrows.push({
          fromThread: waker.thread,
          toThread: event.thread,
          object: event.object,
          atUs: waker.timeUs,
          wokenAtUs: event.timeUs,
        });
        break;
      }
    }
  }
  return arrows;
}

function signalBy(seen: Signals | undefined, notThread: number): TimedEvent | undefined {
  if (seen === undefined) return undefined;
  return (seen.latest.thread !== notThread ? seen.latest : seen.other) ?? undefined;
}
