import type { ParamValue, RunReport } from '../../runtime/contract-types';
import type { RunTimeline } from '../workbench/run-timeline';

/**
 * A run captured from a real browser (scripts/record-runs.mjs) and shipped as
 * `public/recorded/<demo>.json`, replayed where the browser withholds shared memory. Times are
 * whole microseconds from the run's start, as the timeline draws them.
 */
export type Recording = Omit<RunTimeline, 'highlight'> & {
  v: 1;
  demo: string;
  params: Record<string, ParamValue>;
  report: RunReport;
};

/** What the timeline draws of a recording at one moment of the replay. */
export type ReplayFrame = Pick<Recording, 'spans' | 'holds' | 'arrows' | 'markers'>;

/**
 * The recording, if `data` looks like one of `demo` (the file is ours, but a stale cache or a
 * host's 404 page must not crash the page): a shape check, not a full validation.
 */
export function readRecording(data: unknown, demo: string): Recording | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Partial<Recording>;
  const lists = [r.threads, r.objects, r.spans, r.holds, r.arrows, r.markers];
  const valid =
    r.v === 1 &&
    r.demo === demo &&
    typeof r.totalUs === 'number' &&
    r.totalUs > 0 &&
    typeof r.report?.outcome === 'string' &&
    lists.every(Array.isArray);
  return valid ? (r as Recording) : null;
}

/**
 * What had happened by `atUs`: spans and holds that started by then, cut at `atUs` (a hold still
 * open is drawn up to the cursor); arrows whose wake-up happened; markers reached.
 */
export function frameAt(recording: Recording, atUs: number): ReplayFrame {
  if (atUs >= recording.totalUs) return recording;
  const cut = <T extends { startUs: number; endUs: number }>(items: readonly T[]): T[] =>
    items
      .filter((item) => item.startUs <= atUs)
      .map((item) => (item.endUs > atUs ? { ...item, endUs: atUs } : item));
  return {
    spans: cut(recording.spans),
    holds: cut(recording.holds),
    arrows: recording.arrows.filter((a) => a.wokenAtUs <= atUs),
    markers: recording.markers.filter((m) => m.atUs <= atUs),
  };
}

/** The deadlock cycle's threads and objects, as the live timeline highlights them. */
export function highlightOf(
  recording: Recording,
): { threads: number[]; objects: number[] } | undefined {
  const cycle = recording.report.deadlock?.cycle;
  if (!cycle) return undefined;
  const ids = new Map(recording.objects.map((o) => [o.name, o.id]));
  return {
    threads: cycle.map((step) => step.thread),
    objects: cycle.flatMap((step) => ids.get(step.waitsFor) ?? []),
  };
}
