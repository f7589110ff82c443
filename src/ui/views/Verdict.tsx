import type { RunReport } from '../../runtime/contract-types';
import { expectationOf, lostUpdateLines, statsLine, verdictOf } from './verdict-text';

export type VerdictProps = {
  report: RunReport | null;
  running: boolean;
  /** The outcome the demo is meant to show (e.g. 'deadlock'), if it says. */
  expected?: string;
  /** Display names of the run's threads (T0, main, pool1-w2…), when known. */
  threadNames?: ReadonlyMap<number, string>;
  /** The run's lost updates, each as a sentence ("T1 wrote 6 over T0's 6 …"). */
  lostUpdates?: readonly string[];
  /** A step-mode run paused after this many steps (it has no report yet). */
  pausedAt?: number;
};

/** The run's outcome in plain words with an icon (never colour alone), then wall time and stats. */
export function Verdict(props: VerdictProps) {
  const { report, running, expected, threadNames, pausedAt } = props;
  const lost = lostUpdateLines(props.lostUpdates ?? []);
  if (pausedAt !== undefined && !running && report === null) {
    return (
      <div role="status" className="verdict verdict-neutral">
        <span className="verdict-icon" aria-hidden="true">
          ⏸
        </span>
        <div className="verdict-body">
          <strong className="verdict-title">Paused at step {pausedAt}</strong>
          <LostUpdates lines={lost} />
        </div>
      </div>
    );
  }
  if (running || report === null) {
    return (
      <div role="status" className="verdict verdict-neutral">
        <span className="verdict-icon" aria-hidden="true">
          {running ? '…' : '○'}
        </span>
        <span className="verdict-title">{running ? 'Running…' : 'Not run yet'}</span>
      </div>
    );
  }
  const verdict = verdictOf(report, threadNames);
  const expectation = expectationOf(report, expected);
  return (
    <div role="status" className={`verdict verdict-${verdict.tone}`}>
      <span className="verdict-icon" aria-hidden="true">
        {verdict.icon}
      </span>
      <div className="verdict-body">
        <strong className="verdict-title">{verdict.title}</strong>
        {verdict.details.length > 0 ? (
          <ul className="verdict-details">
            {verdict.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        <LostUpdates lines={lost} />
        {expectation === '' ? null : <p className="verdict-expected">{expectation}</p>}
        <p className="verdict-stats">{statsLine(report)}</p>
      </div>
    </div>
  );
}

/** The lost updates under a heading of their own: a list a screen reader can count. */
function LostUpdates({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="verdict-lost">
      <span className="verdict-lost-title">
        <span aria-hidden="true">◆ </span>Lost updates
      </span>
      <ul className="verdict-details">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
