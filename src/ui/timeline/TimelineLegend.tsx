import { LEGEND_STATES, patternCss, stateStyle, type TimelineTheme } from './palette';

/** The key to the timeline's colours, patterns and marks. */
export function TimelineLegend({ theme }: { theme: TimelineTheme }) {
  return (
    <figcaption className="timeline-legend">
      <ul>
        {LEGEND_STATES.map((state) => {
          const style = stateStyle(state, theme);
          const texture = patternCss(style.pattern);
          const background = texture === 'none' ? style.fill : `${texture}, ${style.fill}`;
          return (
            <li key={state}>
              <span className="timeline-swatch" style={{ background }} aria-hidden="true">
                {state === 'failed' ? '✕' : ''}
              </span>
              {style.name}
            </li>
          );
        })}
        <li>
          <span className="timeline-swatch timeline-swatch-hold" aria-hidden="true" />
          holds a lock (row under the lane)
        </li>
        <li>
          <span aria-hidden="true">→</span> woke a thread
        </li>
        <li>
          <span aria-hidden="true">▲!</span> error · <span aria-hidden="true">■✕</span> check failed
          · <span aria-hidden="true">●∞</span> deadlock
        </li>
        <li>
          <span aria-hidden="true">◆−</span> lost update: a write over another thread’s (the verdict
          names them)
        </li>
      </ul>
      <p className="timeline-hint">
        Wheel zooms; drag or shift+wheel pans; when focused: + − zoom, ← → pan, Home/End, 0 fits.
      </p>
    </figcaption>
  );
}
