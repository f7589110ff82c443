import type { Outcome, RunReport } from '../../runtime/contract-types';

// A run's outcome in plain words, with an icon that is a character (read out, and not colour).

export type VerdictText = {
  icon: string;
  title: string;
  details: string[];
  tone: 'ok' | 'bad' | 'warn' | 'neutral';
};

const TITLES: Record<Outcome, Omit<VerdictText, 'details'>> = {
  ok: { icon: '✓', title: 'Finished', tone: 'ok' },
  'check-failed': { icon: '✕', title: 'Check failed', tone: 'bad' },
  deadlock: { icon: '∞', title: 'Deadlock', tone: 'bad' },
  stuck: { icon: '⏸', title: 'Stuck: every thread is waiting', tone: 'bad' },
  error: { icon: '!', title: 'Error', tone: 'bad' },
  stopped: { icon: '■', title: 'Stopped', tone: 'neutral' },
  timeout: { icon: '⏱', title: 'Timed out', tone: 'warn' },
};

/** The outcome's icon, title and the sentences that explain it. */
export function verdictOf(
  report: RunReport,
  threadNames?: ReadonlyMap<number, string>,
): VerdictText {
  const name = threadNamer(report, threadNames);
  return { ...TITLES[report.outcome], details: detailsOf(report, name) };
}

function detailsOf(report: RunReport, name: (id: number) => string): string[] {
  switch (report.outcome) {
    case 'ok':
      return [
        report.check?.passed
          ? 'Every thread finished and the check passed.'
          : 'Every thread finished.',
      ];
    case 'check-failed':
      return [withLostUpdates(report.check?.message ?? 'check() returned false.')];
    case 'deadlock':
      return (report.deadlock?.cycle ?? []).map(
        (step) => `${name(step.thread)} waits for ${step.waitsFor}, held by ${name(step.heldBy)}.`,
      );
    case 'stuck':
      return (report.stuck?.waiting ?? []).map((w) => `${name(w.thread)} waits for ${w.waitsFor}.`);
    case 'error':
      return report.threads.flatMap((t) =>
        t.error === undefined
          ? []
          : [
              `${name(t.id)}: ${t.error.message}${t.error.line === undefined ? '' : ` (line ${t.error.line})`}`,
            ],
      );
    case 'stopped':
      return ['The run was stopped before it finished.'];
    case 'timeout':
      return ['The run went past its time limit and was ended.'];
  }
}

/** The thread's display name when known ("consumer-1"), else "thread 2 (consumer)" from the report. */
function threadNamer(
  report: RunReport,
  names?: ReadonlyMap<number, string>,
): (id: number) => string {
  const roles = new Map(report.threads.map((t) => [t.id, t.role]));
  return (id) => {
    const shown = names?.get(id);
    if (shown !== undefined) return shown;
    const role = roles.get(id);
    return role === undefined || role === '' ? `thread ${id}` : `thread ${id} (${role})`;
  };
}

/**
 * A counter check's message with the lost updates spelled out: "expected 4000, got 3127" becomes
 * "expected 4000, got 3127: 873 updates lost" — the race's cost in one number.
 */
export function withLostUpdates(message: string): string {
  const match = /expected (-?\d+), got (-?\d+)/.exec(message);
  if (match === null || /lost/i.test(message)) return message;
  const lost = Number(match[1]) - Number(match[2]);
  if (!(lost > 0)) return message;
  return `${message}: ${lost} ${lost === 1 ? 'update' : 'updates'} lost`;
}

/** Wall time and trace statistics in one line. */
export function statsLine(report: RunReport): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const { events, droppedEvents, acquisitions, contended } = report.stats;
  return [
    `wall time ${n(Math.round(report.wallMs * 10) / 10)} ms`,
    `${n(events)} events${droppedEvents > 0 ? ` (${n(droppedEvents)} dropped)` : ''}`,
    `${n(acquisitions)} acquisitions, ${n(contended)} contended`,
  ].join(' · ');
}

/** Whether the outcome is what the demo says it shows, as a sentence; '' when it says nothing. */
export function expectationOf(report: RunReport, expected: string | undefined): string {
  if (expected === undefined || expected === '') return '';
  const words = TITLES[expected as Outcome]?.title.toLowerCase() ?? expected;
  return report.outcome === expected
    ? `As this demo expects (${words}).`
    : `This demo usually ends in: ${words}.`;
}

/** Lost updates listed in the verdict before the rest are only counted. */
export const LOST_UPDATES_LISTED = 3;

/**
 * The verdict's lines about lost updates: the first few sentences, then how many more, each marked
 * on the timeline; none when there were none.
 */
export function lostUpdateLines(sentences: readonly string[]): string[] {
  const shown = sentences.slice(0, LOST_UPDATES_LISTED);
  const more = sentences.length - shown.length;
  return more > 0
    ? [
        ...shown,
        `…and ${more} more ${more === 1 ? 'lost update' : 'lost updates'}, each marked ◆ on the timeline.`,
      ]
    : shown;
}
