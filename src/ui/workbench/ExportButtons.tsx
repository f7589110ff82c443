import type { Session } from '../../runtime/session';
import { toChromeTrace } from '../../trace/chrome-trace';
import { download } from '../download';
import type { RunTimeline } from './run-timeline';

type Props = { session: Session; model: RunTimeline };

/** Downloads the trace (Chrome Trace JSON: opens in Perfetto) and the run report. */
export function ExportButtons({ session, model }: Props) {
  const report = session.lastReport();
  const name = session.state().demo;
  return (
    <div className="export-buttons">
      <button
        type="button"
        onClick={() =>
          download(
            `${name}.trace.json`,
            JSON.stringify(
              toChromeTrace({
                spans: model.spans,
                holds: model.holds,
                threads: model.threads,
                objects: model.objects,
                events: model.values,
              }),
            ),
          )
        }
      >
        Download trace (Perfetto)
      </button>
      <button
        type="button"
        disabled={!report}
        onClick={() => report && download(`${name}.report.json`, JSON.stringify(report, null, 2))}
      >
        Download report
      </button>
    </div>
  );
}
