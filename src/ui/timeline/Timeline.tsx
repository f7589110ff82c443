import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { HoldSpan, StateSpan, TracedObject, TracedThread, WakeArrow } from '../../trace/types';
import type { TimelineTheme } from './palette';
import { timelineSummaryOf } from './span-text';
import { hitTest, layoutOf, type Hit } from './timeline-layout';
import { timelineModelOf, type TimelineMarker } from './timeline-model';
import { scaleOfView, viewAfter, type TimelineView, type ViewCommand } from './timeline-view';
import { TimelineLegend } from './TimelineLegend';
import { TimelineTooltip } from './TimelineTooltip';
import { useElementSize } from './use-element-size';
import { useReducedMotion } from './use-reduced-motion';
import { useTimelineFrames } from './use-timeline-frames';
import { useTimelineInput } from './use-timeline-input';

export type TimelineProps = {
  threads: TracedThread[];
  objects: TracedObject[];
  spans: StateSpan[];
  holds: HoldSpan[];
  arrows: WakeArrow[];
  markers: TimelineMarker[];
  totalUs: number;
  live: boolean;
  /** The deadlock cycle's threads and objects, drawn marked. */
  highlight?: { threads: number[]; objects: number[] };
  onSelect?(span: StateSpan | HoldSpan | null): void;
  theme: TimelineTheme;
};

/**
 * The per-thread timeline on a canvas: one lane per thread (state bar + hold row), wake arrows and
 * markers. Follows the end of a live run; wheel, drag and keys zoom and pan; hover explains, click
 * selects. The EventTable is its text alternative.
 */
export function Timeline(props: TimelineProps) {
  const { threads, objects, spans, holds, arrows, markers, highlight, totalUs, live } = props;
  const { theme, onSelect } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The input listeners need to know when the canvas comes and goes (it exists only with lanes).
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const attachCanvas = useCallback((element: HTMLCanvasElement | null) => {
    canvasRef.current = element;
    setCanvas(element);
  }, []);
  const summaryId = useId();
  const { widthPx, dpr } = useElementSize(containerRef);
  const reducedMotion = useReducedMotion();
  const [view, setView] = useState<TimelineView>({ mode: 'fit' });
  const [selected, setSelected] = useState<StateSpan | HoldSpan | null>(null);
  const [hover, setHover] = useState<{ xPx: number; yPx: number; hit: Hit } | null>(null);

  // A new run starts fitted and unselected (state adjusted while rendering, as React advises).
  const [wasLive, setWasLive] = useState(live);
  if (live !== wasLive) {
    setWasLive(live);
    if (live) {
      setView({ mode: 'fit' });
      setSelected(null);
    }
  }

  const data = useMemo(
    () => timelineModelOf({ threads, objects, spans, holds, arrows, markers, highlight }, theme),
    [threads, objects, spans, holds, arrows, markers, highlight, theme],
  );
  const model = useMemo(() => ({ ...data, selected }), [data, selected]);
  const summary = useMemo(
    () =>
      timelineSummaryOf(
        data.lanes.map((lane) => ({ name: lane.thread.name, spans: lane.spans })),
        totalUs,
      ),
    [data, totalUs],
  );
  const layout = layoutOf(widthPx, data.lanes.length);
  const target = scaleOfView(view, totalUs, layout.plotWidthPx);
  const size = { widthPx, heightPx: layout.heightPx, dpr };
  const shownScale = useTimelineFrames(canvasRef, model, target, size, live && !reducedMotion);

  const select = (item: StateSpan | HoldSpan | null) => {
    setSelected(item);
    onSelect?.(item);
  };
  const hitAt = (xPx: number, yPx: number) => hitTest(model, layout, shownScale(), xPx, yPx);
  useTimelineInput(canvas, {
    plotLeftPx: layout.labelWidthPx,
    plotWidthPx: layout.plotWidthPx,
    command: (command: ViewCommand) => {
      setView(viewAfter(command, shownScale(), totalUs, live));
      setHover(null);
    },
    hover: (xPx, yPx) => setHover({ xPx, yPx, hit: hitAt(xPx, yPx) }),
    leave: () => setHover(null),
    click: (xPx, yPx) => {
      const hit = hitAt(xPx, yPx);
      select(hit === null ? null : hit.kind === 'span' ? hit.span : hit.hold);
    },
    escape: () => select(null),
  });

  return (
    <figure className="timeline">
      <div className="timeline-canvas-box" ref={containerRef}>
        {data.lanes.length === 0 ? (
          <p className="timeline-empty">Run a program to see its threads here.</p>
        ) : (
          <canvas
            ref={attachCanvas}
            className="timeline-canvas"
            width={Math.round(widthPx * dpr)}
            height={Math.round(layout.heightPx * dpr)}
            style={{ height: layout.heightPx }}
            tabIndex={0}
            role="img"
            aria-label="Thread timeline. Keys: plus and minus zoom, arrows pan, Home and End jump, 0 fits the run."
            aria-describedby={summaryId}
          />
        )}
        {hover?.hit ? (
          <TimelineTooltip
            hit={hover.hit}
            xPx={hover.xPx}
            yPx={hover.yPx}
            boxWidthPx={widthPx}
            names={data.names}
          />
        ) : null}
      </div>
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
      <TimelineLegend theme={theme} />
    </figure>
  );
}
