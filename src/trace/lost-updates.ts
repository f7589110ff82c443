import { EventKind } from '../sync/kinds';
import { namesOf } from './names';
import type { TracedObject, TraceEvent } from './types';
import { variableOf } from './value-events';

/**
 * A write based on a stale read: `thread` read `variable`, another thread then wrote it
 * (`overwrote`), and `thread` wrote `wrote` over that value, as if it had never been written.
 */
export type LostUpdate = {
  /** The shared variable's name; a SharedArray element is `name[index]`. */
  variable: string;
  thread: number;
  wrote: number;
  /** The write this one destroyed: who made it and the value it had stored. */
  overwrote: { thread: number; value: number };
};

/**
 * A lost update with the events behind it, for views that point at them: the stale write's
 * `seq`, the read it was based on (`read`: its value and seq) and the destroyed write's `seq`.
 */
export type LostUpdateEvent = LostUpdate & {
  seq: number;
  read: { value: number; seq: number };
  overwroteSeq: number;
};

/** What the analysis remembers of one variable (an object, or one element of an array). */
type Variable = {
  /** Writes so far; a thread's read remembers the count it saw. */
  version: number;
  /** The newest write, or none yet (the value the program started with). */
  last: { thread: number; value: number; version: number; seq: number } | null;
  /** Per thread: the version its latest read (or atomic update) saw, the value and the event. */
  seen: Map<number, { version: number; value: number; seq: number }>;
};

/**
 * Every lost update in a trace (sorted by seq): each plain write by thread A to a variable whose
 * newest write, by another thread, came after A's last read of it. A's write is based on what it
 * read, so it destroys that other write. Atomic `add` and `compareExchange` read and write as one
 * step: they are never stale, but they are writes a stale one can destroy, and they bring their
 * thread up to date. A write by a thread that never read the variable (a plain store, not a
 * read-modify-write) is not based on any read, so it is never stale either.
 *
 * It sees the events the trace kept: with dropped events (`stats.droppedEvents`), a lost update
 * may be missed or a write may look stale because its read was dropped.
 */
export function lostUpdatesOf(
  events: readonly TraceEvent[],
  objects: readonly TracedObject[],
): LostUpdate[] {
  return lostUpdateEventsOf(events, objects).map(({ variable, thread, wrote, overwrote }) => ({
    variable,
    thread,
    wrote,
    overwrote,
  }));
}

/** {@link lostUpdatesOf}, with the events each lost update is made of. */
export function lostUpdateEventsOf(
  events: readonly TraceEvent[],
  objects: readonly TracedObject[],
): LostUpdateEvent[] {
  const names = namesOf([], objects);
  const variables = new Map<string, Variable>();
  const lost: LostUpdateEvent[] = [];
  for (const event of events) {
    const value = event.value;
    if (value === undefined) continue;
    const name = variableOf(event, names);
    let variable = variables.get(name);
    if (variable === undefined) {
      variable = { version: 0, last: null, seen: new Map() };
      variables.set(name, variable);
    }
    const thread = event.thread;
    switch (event.kind) {
      case EventKind.Read:
      case EventKind.CasFailed:
        variable.seen.set(thread, { version: variable.version, value, seq: event.seq });
        break;
      case EventKind.Write: {
        const seen = variable.seen.get(thread);
        const last = variable.last;
        if (
          seen !== undefined &&
          last !== null &&
          last.thread !== thread &&
          last.version > seen.version
        )
          lost.push({
            variable: name,
            thread,
            wrote: value,
            overwrote: { thread: last.thread, value: last.value },
            seq: event.seq,
            read: { value: seen.value, seq: seen.seq },
            overwroteSeq: last.seq,
          });
        write(variable, event, value);
        break;
      }
      case EventKind.Add:
      case EventKind.Cas:
        write(variable, event, value);
        variable.seen.set(thread, { version: variable.version, value, seq: event.seq });
        break;
    }
  }
  return lost;
}

function write(variable: Variable, event: TraceEvent, value: number): void {
  variable.version++;
  variable.last = { thread: event.thread, value, version: variable.version, seq: event.seq };
}
