import { objectKindName } from '../sync/kinds';
import type { TracedObject, TracedThread } from './types';

/** How sentences and exports name threads and objects. */
export type Names = {
  thread(id: number): string;
  object(id: number): string;
  /**
   * The object's kind as `objectKindName` spells it ('Lock', 'Event', …), when known: lets a
   * sentence say "an Event nobody sets".
   */
  kind?(id: number): string | undefined;
};

/** Names from a run's thread and object tables; unknown ids read as "thread 7", "object #7". */
export function namesOf(threads: readonly TracedThread[], objects: readonly TracedObject[]): Names {
  const threadNames = new Map(threads.map((t) => [t.id, t.name]));
  const byId = new Map(objects.map((o) => [o.id, o]));
  return {
    thread: (id) => threadNames.get(id) ?? `thread ${id}`,
    object: (id) => byId.get(id)?.name ?? `object #${id}`,
    kind: (id) => {
      const object = byId.get(id);
      return object === undefined ? undefined : objectKindName[object.kind];
    },
  };
}

/** "a Lock", "an Event": a kind's name with its article. */
export function aKind(kindName: string): string {
  return /^[AEIOU]/.test(kindName) ? `an ${kindName}` : `a ${kindName}`;
}

/** "main", "T1 and T2", "T1, T2 and T3". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
