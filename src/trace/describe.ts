import { BlockOp, ObjectKind, objectKindName } from '../sync/kinds';
import { aKind, listOf, type Names } from './names';
import type { Cycle, StuckWait } from './types';

/** A cycle step; `op` (as `cyclesOf` gives it) lets a Join read as "waits for T2 to finish". */
type Step = Cycle[number] & { op?: BlockOp };

/**
 * A deadlock in plain English, e.g. "T1 holds forkA and waits for forkB, which T2 holds; T2 holds
 * forkB and waits for forkA, which T1 holds — neither can ever move."
 */
export function describeCycle(cycle: readonly Step[], names: Names): string {
  const [only] = cycle;
  if (cycle.length === 1 && only !== undefined) {
    const who = names.thread(only.thread);
    if (only.op === BlockOp.Join) return `${who} waits for itself to finish — it can never move.`;
    return `${who} waits for ${wanted(only.object, names)}, which it holds itself — it can never move.`;
  }
  const clauses = cycle.map((step, i) => {
    const before = cycle[(i + cycle.length - 1) % cycle.length];
    const holds =
      before === undefined || before.op === BlockOp.Join
        ? ''
        : ` holds ${wanted(before.object, names)} and`;
    const waits =
      step.op === BlockOp.Join
        ? `waits for ${names.thread(step.object)} to finish`
        : `waits for ${wanted(step.object, names)}, which ${names.thread(step.heldBy)} holds`;
    return `${names.thread(step.thread)}${holds} ${waits}`;
  });
  const ending = cycle.length === 2 ? 'neither can ever move' : 'none of them can ever move';
  return `${clauses.join('; ')} — ${ending}.`;
}

/**
 * Why every live thread is blocked with no cycle to blame, e.g. "Every live thread is waiting and
 * none can wake the others: main waits for ready (an Event nobody sets)."
 */
export function describeStuck(waiting: readonly StuckWait[], names: Names): string {
  const intro =
    waiting.length === 1
      ? 'The only live thread is waiting and nothing can wake it'
      : 'Every live thread is waiting and none can wake the others';
  return `${intro}: ${waiting.map((edge) => waitOf(edge, names)).join('; ')}.`;
}

/** Kind names as `Names.kind` returns them. */
const Kind = {
  Semaphore: objectKindName[ObjectKind.Semaphore],
  BoundedSemaphore: objectKindName[ObjectKind.BoundedSemaphore],
  Event: objectKindName[ObjectKind.Event],
  Condition: objectKindName[ObjectKind.Condition],
} as const;

/** What is held or wanted: "forkA", or "a permit of pool" for a semaphore. */
function wanted(object: number, names: Names): string {
  const kind = names.kind?.(object);
  const isSemaphore = kind === Kind.Semaphore || kind === Kind.BoundedSemaphore;
  return isSemaphore ? `a permit of ${names.object(object)}` : names.object(object);
}

function waitOf(edge: StuckWait, names: Names): string {
  const who = names.thread(edge.thread);
  const what = names.object(edge.object);
  const kind = names.kind?.(edge.object);
  const heldBy = edge.heldBy ?? [];
  const holders = listOf(heldBy.map((id) => names.thread(id)));
  switch (edge.op) {
    case BlockOp.Join:
      return `${who} waits for ${names.thread(edge.object)} to finish`;
    case BlockOp.Acquire:
      if (holders !== '')
        return `${who} waits for ${wanted(edge.object, names)}, which ${holders} ${heldBy.length > 1 ? 'hold' : 'holds'}`;
      return `${who} waits for ${wanted(edge.object, names)}${kind === undefined ? '' : ` (${aKind(kind)} nobody releases)`}`;
    case BlockOp.Wait:
      if (kind === Kind.Event) return `${who} waits for ${what} (an Event nobody sets)`;
      if (kind === Kind.Condition) return `${who} waits on ${what} (a Condition nobody notifies)`;
      return `${who} waits on ${what}`;
    case BlockOp.Get:
      return `${who} waits to get from ${what} (a Queue nobody puts into)`;
    case BlockOp.Put:
      return `${who} waits to put into ${what} (a full Queue nobody takes from)`;
    case BlockOp.Barrier:
      return `${who} waits at ${what} (a Barrier still short of parties)`;
    case BlockOp.Result:
      return `${who} waits for the result of ${what}`;
    default:
      return `${who} waits on ${what}${kind === undefined ? '' : ` (${aKind(kind)})`}`;
  }
}
