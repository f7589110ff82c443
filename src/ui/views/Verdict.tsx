import type { RunReport } from '../../runtime/contract-types';
import { expectationOf, statsLine, verdictOf } from './verdict-text';

export type VerdictProps = {
  report: RunReport | null;
  running: boolean;
  /** The outcome the demo is meant to show (e.g. 'deadlock'), if it says. */
  expected?: string;
  /** Display names of the run's threads (T0, main, pool1-w2…), when known. */
  threadNames?: ReadonlyMap<number, string>;
};

/** The run's outcome in plain words with an icon (never colour alone), then wall time and stats. */
export function Verdict({ report, running, expected, threadNames }: VerdictProps) {
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
        {expectation === '' ? null : <p className="verdict-expected">{expectation}</p>}
        <p className="verdict-stats">{statsLine(report)}</p>
      </div>
    </div>
  );
}
