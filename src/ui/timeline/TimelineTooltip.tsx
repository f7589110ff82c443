import type { Names } from '../../trace/names';
import { describeItem } from './span-text';
import type { Hit } from './timeline-layout';

export type TimelineTooltipProps = {
  hit: NonNullable<Hit>;
  /** Pointer position in the canvas box (CSS px). */
  xPx: number;
  yPx: number;
  boxWidthPx: number;
  names: Names;
};

/** What is under the pointer: state (or hold), thread, start and duration. Mouse help only: the table says the same. */
export function TimelineTooltip({ hit, xPx, yPx, boxWidthPx, names }: TimelineTooltipProps) {
  const [what, ...rest] = describeItem(hit.kind === 'span' ? hit.span : hit.hold, names);
  // Open towards the side with room, so the tooltip never widens the page.
  const onRight = xPx < boxWidthPx / 2;
  const style = onRight
    ? { left: xPx + 12, top: yPx + 12 }
    : { right: boxWidthPx - xPx + 12, top: yPx + 12 };
  return (
    <div className="timeline-tooltip" style={style} aria-hidden="true">
      <strong>{what}</strong>
      {rest.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
