// Sweep downloads: CSV for spreadsheets (one row per timed run, so the spread stays visible) and
// JSON in the public SweepResult shape (docs/contracts.md), so a download can be charted again.
import type { SweepResult } from '../runtime/contract-types';

export const CSV_COLUMNS = [
  'series',
  'threads',
  'repeat',
  'wallMs',
  'medianMs',
  'speedup',
] as const;

// RFC 4180: quote a field holding a comma, a quote or a line break, doubling inner quotes.
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One row per repeat: `series,threads,repeat,wallMs,medianMs,speedup`, repeats counted from 1. */
export function sweepToCsv(result: SweepResult): string {
  const rows = result.series.flatMap((series) =>
    series.points.flatMap((point) =>
      point.wallMs.map((wallMs, i) =>
        [series.label, point.threads, i + 1, wallMs, point.medianMs, point.speedup]
          .map(csvField)
          .join(','),
      ),
    ),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The result as indented JSON, exactly the SweepResult contract. */
export function sweepToJson(result: SweepResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
