import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { StepThread } from '../../runtime/step/types';
import type { StepCell, StepTimelineModel, WaitStretch } from './step-model';
import { pendingWords } from './step-model';
import { StepLaneHeader } from './StepLaneHeader';
import './step-timeline.css';

export type StepTimelineProps = {
  model: StepTimelineModel;
  /** The threads as they are now (StepState.threads). */
  now: readonly StepThread[];
  /** The run has ended: lanes show what happened, nothing can be stepped. */
  ended: boolean;
  /** A step is in flight. */
  busy: boolean;
  onStep(thread: number): void;
};

/**
 * Where a cell sits: absolutely positioned by column, so a new step lays out only itself (a grid
 * of cells relaid out every one of them at every step: long tasks).
 */
function at(column: number, span = 1): CSSProperties {
  return { ['--col' as string]: column, ['--span' as string]: span };
}

/** Steps drawn at once: past this, earlier ones are a page back (keeps the DOM small). */
export const STEP_WINDOW = 120;
/** The window moves, and tracks grow, by this many steps at a time (cells keep their places). */
const CHUNK = 20;

/** The first step shown when `last` is the last: a chunk boundary, at most a window back. */
function firstShown(last: number): number {
  return last <= STEP_WINDOW ? 1 : Math.ceil((last - STEP_WINDOW) / CHUNK) * CHUNK + 1;
}

/**
 * The step-mode timeline, read like a sequence diagram: x is the step, each step a cell in the
 * lane of the thread that took it ("read 5", "acquire lockA"), stretches where a thread could not
 * move and why, lost updates marked on their stale writes. A last column shows what each thread
 * does next. Each lane's header is the button that steps its thread.
 */
export function StepTimeline({ model, now, ended, busy, onStep }: StepTimelineProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // null: follow the newest step; a number: the last step of the page the learner went back to.
  const [pageEnd, setPageEnd] = useState<number | null>(null);
  const last = pageEnd === null ? model.steps : Math.min(pageEnd, model.steps);
  const first = firstShown(last);
  const following = pageEnd === null || pageEnd >= model.steps;
  // The column after the last step: what each thread does next, or (ended) who is left waiting.
  const waitsNow = model.lanes.some((l) => l.waits.some((w) => w.toStep > model.steps));
  const showNext = following && (!ended || waitsNow);
  /** The rightmost column in use (0-based). */
  const endColumn = last - first + (showNext ? 1 : 0);
  // Tracks grow a chunk of columns at a time: a track that changed width would lay out every
  // cell in it again, at every step.
  const columns = Math.ceil((endColumn + 1) / CHUNK) * CHUNK;
  const byThread = new Map(now.map((t) => [t.id, t]));

  useEffect(() => {
    if (!following) return;
    // On the next frame, with the layout the frame computes anyway: reading sizes now would
    // force a layout of the whole page at every step.
    const frame = requestAnimationFrame(() => {
      const box = scroller.current;
      const header = box?.querySelector<HTMLElement>('.step-axis-corner');
      const tick = box?.querySelector<HTMLElement>('.step-axis-tick');
      if (!box || !header || !tick) return;
      const right = header.offsetWidth + (endColumn + 1) * tick.offsetWidth;
      box.scrollLeft = Math.max(0, right - box.clientWidth);
    });
    return () => cancelAnimationFrame(frame);
  }, [following, endColumn, model.steps]);

  const column = (step: number) => step - first;
  return (
    <figure className="step-timeline">
      {model.steps > STEP_WINDOW ? (
        <nav className="step-timeline-pages" aria-label="Steps shown">
          <button
            type="button"
            disabled={first <= 1}
            onClick={() => setPageEnd(Math.max(STEP_WINDOW, first - 1))}
          >
            Earlier steps
          </button>
          <span aria-live="polite">
            Steps {first}–{last} of {model.steps}
          </span>
          <button type="button" disabled={following} onClick={() => setPageEnd(null)}>
            Latest steps
          </button>
        </nav>
      ) : null}
      <div
        ref={scroller}
        className="step-timeline-scroll"
        role="region"
        tabIndex={0}
        aria-label={`Step timeline: ${model.steps} ${model.steps === 1 ? 'step' : 'steps'}`}
        style={{ ['--step-columns' as string]: columns }}
      >
        <div className="step-axis" aria-hidden="true">
          <span className="step-axis-corner">step</span>
          <span className="step-axis-ticks">
            {Array.from({ length: last - first + 1 }, (_, i) => (
              <span key={first + i} className="step-axis-tick" style={at(i)}>
                {first + i}
              </span>
            ))}
            {showNext ? (
              <span className="step-axis-tick" style={at(endColumn)}>
                {ended ? 'end' : 'next'}
              </span>
            ) : null}
          </span>
        </div>
        {model.lanes.map((lane) => {
          const thread = byThread.get(lane.thread.id);
          const shown = lane.cells.filter((c) => c.step >= first && c.step <= last);
          const end = showNext ? last + 1 : last;
          const waits = lane.waits.filter((w) => w.toStep >= first && w.fromStep <= end);
          return (
            <div key={lane.thread.id} className="step-lane">
              <StepLaneHeader
                thread={lane.thread}
                now={thread}
                frozen={ended || busy}
                onStep={onStep}
              />
              <ol className="step-track" aria-label={`${lane.thread.name}’s steps`}>
                {waits.map((w) => (
                  <WaitBar
                    key={`w${w.fromStep}`}
                    wait={w}
                    from={column(Math.max(w.fromStep, first))}
                    to={column(Math.min(w.toStep, end))}
                  />
                ))}
                {shown.map((cell) => (
                  <Cell key={cell.step} cell={cell} column={column(cell.step)} />
                ))}
                {showNext && !ended && thread?.pending && thread.enabled ? (
                  <li
                    className="step-cell step-cell-next"
                    style={at(endColumn)}
                    title={`next: ${pendingWords(thread.pending)}`}
                  >
                    <span className="step-cell-op">{thread.pending.op}</span>
                    <span className="step-cell-object">{thread.pending.object ?? ''}</span>
                    <span className="visually-hidden">
                      {` next: ${pendingWords(thread.pending)}`}
                    </span>
                  </li>
                ) : null}
              </ol>
            </div>
          );
        })}
      </div>
      <figcaption className="step-timeline-legend">
        Click a lane’s header (or focus it and press Enter) to step that thread. Each cell is one
        step: its operation and value. <span aria-hidden="true">◆</span> marks a lost update: a
        write over another thread’s update that it never read. A hatched bar: the thread could not
        move.
      </figcaption>
    </figure>
  );
}

function Cell({ cell, column }: { cell: StepCell; column: number }) {
  return (
    <li
      className={
        cell.lost ? 'step-cell step-cell-lost' : `step-cell step-op-${cell.label.split(' ')[0]}`
      }
      style={at(column)}
      title={cell.lost ? `${cell.text}. Lost update: ${cell.lost}` : cell.text}
    >
      <span className="step-cell-op" aria-hidden="true">
        {cell.lost ? '◆ ' : ''}
        {cell.label}
      </span>
      <span className="step-cell-object" aria-hidden="true">
        {cell.object}
      </span>
      <span className="visually-hidden">
        {cell.text}
        {cell.lost ? `. Lost update: ${cell.lost}` : ''}
      </span>
    </li>
  );
}

function WaitBar({ wait, from, to }: { wait: WaitStretch; from: number; to: number }) {
  return (
    <li
      className="step-wait"
      style={at(from, to - from + 1)}
      title={`${wait.reason} (steps ${wait.fromStep}–${wait.toStep})`}
    >
      <span aria-hidden="true">{wait.reason}</span>
      <span className="visually-hidden">
        {`Steps ${wait.fromStep} to ${wait.toStep}: ${wait.reason}`}
      </span>
    </li>
  );
}
