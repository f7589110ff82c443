import { EventKind } from '../sync/kinds';
import type { Names } from './names';
import type { TraceEvent } from './types';

/** A shared read or write (EventKind.Read … CasFailed): an event with its value. */
export type ValueEvent = TraceEvent & { value: number };

export function isValueEvent(event: TraceEvent): event is ValueEvent {
  return event.value !== undefined;
}

/** The variable an event touched: the object's name, `name[index]` for a SharedArray element. */
export function variableOf(event: TraceEvent, names: Names): string {
  const name = names.object(event.object);
  return names.kind?.(event.object) === 'SharedArray' ? `${name}[${event.aux}]` : name;
}

/** How a row or a trace viewer words a value event: `{ op: 'read', text: 'counter → 5' }`. */
export function valueEventWords(event: ValueEvent, names: Names): { op: string; text: string } {
  const variable = variableOf(event, names);
  switch (event.kind) {
    case EventKind.Read:
      return { op: 'read', text: `${variable} → ${event.value}` };
    case EventKind.Add:
      return { op: 'add', text: `${variable} ← ${event.value}` };
    case EventKind.Cas:
      return { op: 'compareExchange', text: `${variable} ← ${event.value}` };
    case EventKind.CasFailed:
      return { op: 'compareExchange', text: `${variable}: found ${event.value}, no change` };
    default:
      return { op: 'write', text: `${variable} ← ${event.value}` };
  }
}
