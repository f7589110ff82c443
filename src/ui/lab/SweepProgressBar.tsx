import type { SweepProgress } from '../../lab/sweep';

type Props = { progress: SweepProgress | null };

const timeLeft = (etaMs: number | null): string =>
  etaMs === null ? 'estimating time left' : `~${Math.max(0, Math.ceil(etaMs / 1000))}s left`;

/** "point k of n, ~Ns left" with an accessible progress bar. */
export function SweepProgressBar({ progress }: Props) {
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  const text = progress
    ? `point ${progress.point} of ${progress.points}, ${timeLeft(progress.etaMs)}`
    : 'starting…';
  return (
    <div className="lab-progress">
      <div
        role="progressbar"
        aria-label="Sweep progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="lab-progress-track"
      >
        <div className="lab-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite">
        {text}
        {progress && ` — ${progress.series}, ${progress.threads} threads`}
      </p>
    </div>
  );
}
