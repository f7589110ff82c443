import { EventKind, ObjectKind } from '../sync/kinds';
import { namesOf } from './names';
import type { TracedObject, TraceEvent } from './types';
import { variableOf } from './value-events';

/**
 * A shared variable as the events so far show it. `value` is null until a thread first reads or
 * writes it (the trace records values only when they are touched); `writer` is null while the
 * value is still the one the program started with.
 */
export type SharedValue = {
  /** The variable's name; a SharedArray element is `name[index]`. */
  variable: string;
  value: number | null;
  writer: number | null;
};

const VALUE_KINDS: ReadonlySet<number> = new Set([
  ObjectKind.SharedInt,
  ObjectKind.SharedFloat,
  ObjectKind.SharedArray,
]);

/**
 * Every shared variable's current value and who wrote it last, from a run's events in seq order.
 * Declared SharedInt/SharedFloat objects are listed even before they are touched; a SharedArray
 * element appears once touched, and an untouched array as a row of its own. Rows keep declaration
 * order (array elements by index).
 */
export function sharedValuesOf(
  events: readonly TraceEvent[],
  objects: readonly TracedObject[],
): SharedValue[] {
  const names = namesOf([], objects);
  const touched = new Map<number, Map<string, SharedValue>>();
  for (const event of events) {
    if (event.value === undefined) continue;
    let rows = touched.get(event.object);
    if (!rows) {
      rows = new Map();
      touched.set(event.object, rows);
    }
    const variable = variableOf(event, names);
    const row = rows.get(variable) ?? { variable, value: null, writer: null };
    row.value = event.value;
    if (writesValue(event.kind)) row.writer = event.thread;
    rows.set(variable, row);
  }
  return objects
    .filter((o) => VALUE_KINDS.has(o.kind))
    .flatMap((o) => {
      const rows = [...(touched.get(o.id)?.values() ?? [])];
      if (rows.length === 0) return [{ variable: o.name, value: null, writer: null }];
      return o.kind === ObjectKind.SharedArray ? rows.sort(byIndex) : rows;
    });
}

function writesValue(kind: number): boolean {
  return kind === EventKind.Write || kind === EventKind.Add || kind === EventKind.Cas;
}

function byIndex(a: SharedValue, b: SharedValue): number {
  return indexOf(a.variable) - indexOf(b.variable);
}

function indexOf(variable: string): number {
  return Number(/\[(\d+)\]$/.exec(variable)?.[1] ?? 0);
}
