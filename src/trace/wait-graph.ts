import { BlockOp } from '../sync/kinds';
import type { CycleStep, WaitEdge, WaitGraph } from './types';

/** What the watchdog reads from shared memory: who is blocked on what, and who holds what. */
export type WaitSnapshot = {
  threads: {
    id: number;
    alive: boolean;
    /** Object id, or with op Join the thread id waited for; -1 when not blocked. */
    blockedOn: number;
    op: BlockOp;
    /** The wait has a timeout: it ends by itself, so it can neither deadlock nor be stuck. */
    timed: boolean;
  }[];
  /** Object id → threads holding it (a semaphore may have several). */
  holders: Map<number, number[]>;
};

/** The wait-for graph: one edge per blocked live thread, to the threads that can unblock it. */
export function waitGraphOf(snapshot: WaitSnapshot): WaitGraph {
  const alive = new Set(snapshot.threads.filter((t) => t.alive).map((t) => t.id));
  const edges = snapshot.threads
    .filter((t) => t.alive && t.blockedOn >= 0)
    .map((t): WaitEdge => ({
      thread: t.id,
      object: t.blockedOn,
      op: t.op,
      heldBy: heldByOf(t.blockedOn, t.op, alive, snapshot.holders),
      timed: t.timed,
    }));
  return { edges };
}

/** Who can unblock a wait: the holders of the object, or for a Join the target while it lives. */
function heldByOf(
  blockedOn: number,
  op: BlockOp,
  alive: ReadonlySet<number>,
  holders: ReadonlyMap<number, number[]>,
): number[] {
  if (op === BlockOp.Join) return alive.has(blockedOn) ? [blockedOn] : [];
  return [...(holders.get(blockedOn) ?? [])];
}

/**
 * The deadlocks of a wait-for graph: elementary cycles made of untimed edges only, each reported
 * once, starting at its smallest thread id. A thread waiting on an object held by several threads
 * (a semaphore's permits) may close a cycle through any one of them, so every choice of holder is
 * a separate cycle. Found with Johnson's algorithm ("Finding all the elementary circuits of a
 * directed graph", SIAM J. Comput. 4(1), 1975), which is output-sensitive; stopping at `limit`
 * cycles keeps the watchdog's tick bounded even when many threads share many permits.
 */
export function cyclesOf(graph: WaitGraph, limit = 32): CycleStep[][] {
  const waits = new Map<number, WaitEdge>();
  for (const edge of graph.edges) if (!edge.timed) waits.set(edge.thread, edge);
  const next = (thread: number): number[] => [...new Set(waits.get(thread)?.heldBy ?? [])];
  const cycles: CycleStep[][] = [];
  const starts = [...waits.keys()].sort((a, b) => a - b);

  for (const start of starts) {
    const blocked = new Set<number>();
    const blockedBy = new Map<number, Set<number>>();
    const path: number[] = [];
    const unblock = (thread: number): void => {
      blocked.delete(thread);
      const waiting = blockedBy.get(thread);
      blockedBy.delete(thread);
      for (const other of waiting ?? []) if (blocked.has(other)) unblock(other);
    };
    const circuit = (thread: number): boolean => {
      let closed = false;
      path.push(thread);
      blocked.add(thread);
      // Only threads above `start` take part: a cycle through a smaller one was found from it.
      const successors = next(thread)
        .filter((s) => s >= start)
        .sort((a, b) => a - b);
      for (const successor of successors) {
        if (cycles.length >= limit) break;
        if (successor === start) {
          cycles.push(stepsOf(path, waits));
          closed = true;
        } else if (!blocked.has(successor) && circuit(successor)) {
          closed = true;
        }
      }
      if (closed) unblock(thread);
      else
        for (const successor of successors) {
          const waiting = blockedBy.get(successor) ?? new Set<number>();
          waiting.add(thread);
          blockedBy.set(successor, waiting);
        }
      path.pop();
      return closed;
    };
    circuit(start);
    if (cycles.length >= limit) break;
  }
  return cycles;
}

function stepsOf(path: readonly number[], waits: ReadonlyMap<number, WaitEdge>): CycleStep[] {
  return path.map((thread, i) => {
    const edge = waits.get(thread);
    return {
      thread,
      object: edge?.object ?? -1,
      op: edge?.op ?? BlockOp.Acquire,
      heldBy: path[(i + 1) % path.length] ?? thread,
    };
  });
}

/**
 * The "stuck" condition: every live thread is blocked with no timeout and nothing outside the
 * program can wake it (a thread waiting for `input()` waits for the learner, and one joining a
 * thread that has already ended is about to wake, so neither counts). Returns the waits when
 * stuck (with their holders, for `describeStuck`), else null. Stuck without a cycle means someone
 * waits for a signal (an Event, a Condition, a Queue) that no thread is left to give.
 */
export function stuckOf(snapshot: WaitSnapshot): WaitEdge[] | null {
  const alive = snapshot.threads.filter((t) => t.alive);
  const aliveIds = new Set(alive.map((t) => t.id));
  const hopeless = (t: WaitSnapshot['threads'][number]): boolean =>
    t.blockedOn >= 0 &&
    !t.timed &&
    t.op !== BlockOp.Input &&
    (t.op !== BlockOp.Join || aliveIds.has(t.blockedOn));
  return alive.length > 0 && alive.every(hopeless) ? waitGraphOf(snapshot).edges : null;
}
