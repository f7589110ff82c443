import { sweepToCsv, sweepToJson } from '../../lab/export';
import type { SweepResult } from '../../runtime/contract-types';
import { downloadText } from './download';

type Props = { result: SweepResult; baseName: string };

/** Download the sweep as CSV (one row per run) or JSON (the SweepResult contract). */
export function DownloadButtons({ result, baseName }: Props) {
  return (
    <div className="lab-downloads">
      <button
        type="button"
        onClick={() => downloadText(`${baseName}.csv`, sweepToCsv(result), 'text/csv')}
      >
        Download CSV
      </button>
      <button
        type="button"
        onClick={() => downloadText(`${baseName}.json`, sweepToJson(result), 'application/json')}
      >
        Download JSON
      </button>
    </div>
  );
}
