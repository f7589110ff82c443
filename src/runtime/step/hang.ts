import { BlockOp, ThreadField, type Heap } from '../../sync';
import { describeCycle, describeStuck } from '../../trace/describe';
import { cyclesOf, waitGraphOf, type WaitSnapshot } from '../../trace/wait-graph';
import type { Ending } from '../build-report';
import type { Control } from '../control';
import type { LiveLog } from '../live-log';
import { descriptorOf } from '../spawn';
import { verdictOf } from '../watchdog';
import type { Names, ThreadLook } from './enabledness';

/**
 * No thread can move: a deadlock when the waits form a cycle, stuck otherwise — the same verdict
 * and sentence as parallel mode's watchdog, from the waits enabledness found.
 */
export function hangOf(
  heap: Heap,
  looks: readonly ThreadLook[],
  names: Names,
): { outcome: 'deadlock' | 'stuck'; extra: Partial<Ending>; hang: LiveLog['hang'] } {
  const holders = new Map<number, number[]>();
  for (let id = 0; id < heap.objectCount; id++) {
    const word = heap.ownerWordOf(id);
    const owner = word === 0 ? -1 : Atomics.load(heap.i32, word) - 1;
    if (owner >= 0) holders.set(id, [owner]);
  }
  const snapshot: WaitSnapshot = {
    threads: looks.map((t) => ({
      id: t.id,
      alive: t.alive,
      blockedOn: t.wait?.on ?? -1,
      op: t.wait?.op ?? BlockOp.Acquire,
      timed: false,
    })),
    holders,
  };
  const graph = waitGraphOf(snapshot);
  const verdict = verdictOf(snapshot);
  if (verdict?.kind === 'deadlock') {
    const sentence = describeCycle(verdict.cycle, names);
    return {
      outcome: 'deadlock',
      extra: { deadlock: verdict.cycle },
      hang: { graph, cycles: [verdict.cycle], sentence },
    };
  }
  const waiting = verdict?.kind === 'stuck' ? verdict.waiting : graph.edges;
  return {
    outcome: 'stuck',
    extra: { stuck: waiting },
    hang: { graph, cycles: cyclesOf(graph), sentence: describeStuck(waiting, names) },
  };
}

/** Names with caches: a thread's descriptor and an object's name are decoded once per run. */
export function namesOf(heap: Heap, control: Control): Names {
  const threads = new Map<number, string>();
  const objects = new Map<number, string>();
  return {
    thread(id: number): string {
      let name = threads.get(id);
      if (name === undefined) {
        name =
          Atomics.load(heap.i32, heap.threadWord(id, ThreadField.status)) === 0
            ? `thread ${id}`
            : descriptorOf(control, id).name;
        threads.set(id, name);
      }
      return name;
    },
    object(id: number): string {
      let name = objects.get(id);
      if (name === undefined) {
        name = heap.objectInfo(id).name;
        objects.set(id, name);
      }
      return name;
    },
  };
}
