import { BlockOp } from '../../sync/kinds';
import type { Names } from '../../trace/names';
import type { Cycle, WaitGraph } from '../../trace/types';

// A deterministic circle layout of the wait-for graph: threads and objects alternate around a
// circle in cycle order first (so a deadlock reads as a ring), then everything else in edge order.

export type GraphNode = {
  key: string;
  kind: 'thread' | 'object';
  id: number;
  label: string;
  xPx: number;
  yPx: number;
  inCycle: boolean;
};

/** `waits`: a thread waits for an object (or, joining, a thread); `held`: an object is held by a thread. */
export type GraphEdge = { from: string; to: string; kind: 'waits' | 'held'; inCycle: boolean };

export type GraphLayout = { nodes: GraphNode[]; edges: GraphEdge[]; sizePx: number };

const threadKey = (id: number) => `t${id}`;
const objectKey = (id: number) => `o${id}`;

/** Nodes and edges of `graph` placed on a circle in a `sizePx` square. */
export function waitGraphLayoutOf(
  graph: WaitGraph,
  cycles: readonly Cycle[],
  names: Names,
  sizePx = 320,
): GraphLayout {
  const joins = new Set(
    graph.edges.filter((e) => e.op === BlockOp.Join).map((e) => `${e.thread}>${e.object}`),
  );
  /** The node a thread waits for: an object, or the thread it joins. */
  const targetKey = (thread: number, object: number) =>
    joins.has(`${thread}>${object}`) ? threadKey(object) : objectKey(object);

  const cycleKeys = new Set<string>();
  const cycleEdges = new Set<string>();
  const order: string[] = [];
  const visit = (key: string) => {
    if (!order.includes(key)) order.push(key);
  };
  for (const cycle of cycles) {
    for (const step of cycle) {
      const waited = targetKey(step.thread, step.object);
      visit(threadKey(step.thread));
      visit(waited);
      cycleKeys.add(threadKey(step.thread)).add(waited);
      cycleEdges.add(`${threadKey(step.thread)}>${waited}`);
      if (waited.startsWith('o')) cycleEdges.add(`${waited}>${threadKey(step.heldBy)}`);
    }
  }

  const edges: GraphEdge[] = [];
  const add = (from: string, to: string, kind: GraphEdge['kind']) => {
    if (edges.some((e) => e.from === from && e.to === to)) return;
    visit(from);
    visit(to);
    edges.push({ from, to, kind, inCycle: cycleEdges.has(`${from}>${to}`) });
  };
  for (const edge of graph.edges) {
    const waited = targetKey(edge.thread, edge.object);
    add(threadKey(edge.thread), waited, 'waits');
    if (waited.startsWith('o'))
      for (const holder of edge.heldBy) add(waited, threadKey(holder), 'held');
  }

  const centre = sizePx / 2;
  const radius = order.length <= 1 ? 0 : centre - 44;
  const nodes = order.map((key, i): GraphNode => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / order.length;
    const id = Number(key.slice(1));
    const kind = key.startsWith('t') ? 'thread' : 'object';
    return {
      key,
      kind,
      id,
      label: kind === 'thread' ? names.thread(id) : names.object(id),
      xPx: round(centre + radius * Math.cos(angle)),
      yPx: round(centre + radius * Math.sin(angle)),
      inCycle: cycleKeys.has(key),
    };
  });
  return { nodes, edges, sizePx };
}

/** Node shapes (px): threads are circles, objects rounded rects. */
export const NODE_SHAPE = { threadRadiusPx: 26, objectWidthPx: 64, objectHeightPx: 28 } as const;

type Placed = { xPx: number; yPx: number; kind: GraphNode['kind'] };

/** How far from a node's centre its outline is, along the unit direction (ux, uy), plus a margin. */
function gapOf(node: Placed, ux: number, uy: number): number {
  if (node.kind === 'thread') return NODE_SHAPE.threadRadiusPx + 3;
  const toSide = NODE_SHAPE.objectWidthPx / 2 / Math.max(Math.abs(ux), 1e-6);
  const toTop = NODE_SHAPE.objectHeightPx / 2 / Math.max(Math.abs(uy), 1e-6);
  return Math.min(toSide, toTop) + 3;
}

/**
 * An SVG path from node `a` to node `b`, bent slightly to one side (so opposite edges between the
 * same pair do not overlap), starting and ending just outside the node shapes.
 */
export function edgePath(a: Placed, b: Placed): string {
  const dx = b.xPx - a.xPx;
  const dy = b.yPx - a.yPx;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const bend = Math.min(24, length * 0.12);
  const [cx, cy] = [(a.xPx + b.xPx) / 2 - uy * bend, (a.yPx + b.yPx) / 2 + ux * bend];
  const [gapA, gapB] = [gapOf(a, ux, uy), gapOf(b, ux, uy)];
  const start = [a.xPx + ux * gapA, a.yPx + uy * gapA].map(round);
  const end = [b.xPx - ux * gapB, b.yPx - uy * gapB].map(round);
  return `M${start.join(' ')} Q${round(cx)} ${round(cy)} ${end.join(' ')}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
