import { useId, useMemo } from 'react';
import { Timeline } from '../timeline/Timeline';
import { frameAt, highlightOf, type Recording } from './recording';
import { usePlayback } from './use-playback';

type Props = { recording: Recording; theme: 'light' | 'dark' };

/** Steps of the scrub slider over the whole run: arrow keys move 1/200 of it, Page keys 1/20. */
const SLIDER_STEPS = 200;

/** The recorded run on the live timeline, revealed up to a cursor that plays or is scrubbed. */
export function ReplayPlayer({ recording, theme }: Props) {
  const { totalUs } = recording;
  const { atUs, playing, toggle, seek } = usePlayback(totalUs);
  const sliderId = useId();
  const frame = useMemo(() => frameAt(recording, atUs), [recording, atUs]);
  const highlight = useMemo(
    () => (atUs >= totalUs ? highlightOf(recording) : undefined),
    [recording, atUs, totalUs],
  );
  const position = `${formatMs(atUs)} of ${formatMs(totalUs)}`;

  return (
    <div className="replay">
      <div className="replay-controls">
        <button type="button" onClick={toggle} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label htmlFor={sliderId}>Replay position</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={totalUs}
          step={Math.max(1, totalUs / SLIDER_STEPS)}
          value={atUs}
          aria-valuetext={position}
          onChange={(e) => seek(Number(e.currentTarget.value))}
        />
        {/* The slider's aria-valuetext says the same to screen readers, without a live region
            announcing every frame of the replay. */}
        <span className="replay-position" aria-hidden="true">
          {position}
        </span>
      </div>
      <Timeline
        threads={recording.threads}
        objects={recording.objects}
        {...frame}
        totalUs={totalUs}
        live={false}
        highlight={highlight}
        theme={theme}
      />
    </div>
  );
}

function formatMs(us: number): string {
  return `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
}
