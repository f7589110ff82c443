import { useId, useMemo } from 'react';
import { namesOf } from '../../trace/names';
import type { Cycle, TracedObject, TracedThread, WaitGraph } from '../../trace/types';
import { edgePath, type GraphNode, NODE_SHAPE, waitGraphLayoutOf } from './graph-layout';

export type WaitForGraphProps = {
  graph: WaitGraph;
  cycles: Cycle[];
  threads: TracedThread[];
  objects: TracedObject[];
  /** The plain-English account of the hang (describeCycle / describeStuck). */
  sentence: string;
};

const { threadRadiusPx, objectWidthPx, objectHeightPx } = NODE_SHAPE;

/**
 * Who waits for what: threads as circles, objects as rounded rects, "waits for" and "held by"
 * arrows. A deadlock's cycle is drawn thick, dashed and in the alert colour, so it does not rely
 * on colour alone; the sentence above says the same in words.
 */
export function WaitForGraph({ graph, cycles, threads, objects, sentence }: WaitForGraphProps) {
  const titleId = useId();
  const markerId = useId();
  const layout = useMemo(
    () => waitGraphLayoutOf(graph, cycles, namesOf(threads, objects)),
    [graph, cycles, threads, objects],
  );
  const byKey = new Map(layout.nodes.map((node) => [node.key, node]));

  return (
    <figure className="wait-graph">
      <p role="status" className="wait-graph-sentence">
        {sentence}
      </p>
      {layout.nodes.length === 0 ? (
        <p className="empty">No thread is waiting.</p>
      ) : (
        <svg
          viewBox={`0 0 ${layout.sizePx} ${layout.sizePx}`}
          role="img"
          aria-labelledby={titleId}
          className="wait-graph-svg"
        >
          <title id={titleId}>Wait-for graph. {sentence}</title>
          <defs>
            {(['plain', 'cycle'] as const).map((kind) => (
              <marker
                key={kind}
                id={`${markerId}-${kind}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0 0 L10 5 L0 10 z" className={`wait-graph-head-${kind}`} />
              </marker>
            ))}
          </defs>
          {layout.edges.map((edge) => {
            const from = byKey.get(edge.from);
            const to = byKey.get(edge.to);
            if (from === undefined || to === undefined) return null;
            const kind = edge.inCycle ? 'cycle' : 'plain';
            return (
              <path
                key={`${edge.from}>${edge.to}`}
                d={edgePath(from, to)}
                className={`wait-graph-edge wait-graph-edge-${kind} wait-graph-${edge.kind}`}
                markerEnd={`url(#${markerId}-${kind})`}
              >
                <title>{`${from.label} ${edge.kind === 'waits' ? 'waits for' : 'is held by'} ${to.label}`}</title>
              </path>
            );
          })}
          {layout.nodes.map((node) => (
            <GraphNodeShape key={node.key} node={node} />
          ))}
        </svg>
      )}
      <figcaption className="wait-graph-key">
        ○ thread · ▭ object · arrow thread → object: waits for · object → thread: held by · thick
        dashed: the deadlock cycle
      </figcaption>
    </figure>
  );
}

function GraphNodeShape({ node }: { node: GraphNode }) {
  const className = `wait-graph-node${node.inCycle ? ' wait-graph-node-cycle' : ''}`;
  // Names longer than the shape are cut; the <title> and the sentence above carry them whole.
  const room = node.kind === 'thread' ? 7 : 9;
  const label = node.label.length > room ? `${node.label.slice(0, room - 1)}…` : node.label;
  return (
    <g className={className}>
      {node.kind === 'thread' ? (
        <circle cx={node.xPx} cy={node.yPx} r={threadRadiusPx} />
      ) : (
        <rect
          x={node.xPx - objectWidthPx / 2}
          y={node.yPx - objectHeightPx / 2}
          width={objectWidthPx}
          height={objectHeightPx}
          rx={8}
        />
      )}
      <text x={node.xPx} y={node.yPx} textAnchor="middle" dominantBaseline="central">
        {label}
      </text>
      <title>{`${node.kind === 'thread' ? 'thread' : 'object'} ${node.label}`}</title>
    </g>
  );
}
