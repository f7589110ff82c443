import { BlockOp, EventKind } from '../sync/kinds';
import type { TraceEvent, TracedObject } from './types';

/** The trace figures of a RunReport's `stats` (the runtime adds `droppedEvents` from the rings). */
export type TraceStats = {
  events: number;
  acquisitions: number;
  /** Acquisitions that had to block first. */
  contended: number;
  /** Most simultaneous holders seen, per object name (from the holder counts Acquire events carry). */
  maxHolders: Record<string, number>;
};

/** Counts a run's events; objects missing from `objects` are named "object #id". */
export function statsOf(
  events: readonly TraceEvent[],
  objects: readonly TracedObject[],
): TraceStats {
  const names = new Map(objects.map((o) => [o.id, o.name]));
  const stats: TraceStats = {
    events: events.length,
    acquisitions: 0,
    contended: 0,
    maxHolders: {},
  };
  for (const event of events) {
    if (event.kind === EventKind.Block && event.aux === BlockOp.Acquire) stats.contended++;
    if (event.kind !== EventKind.Acquire) continue;
    stats.acquisitions++;
    const name = names.get(event.object) ?? `object #${event.object}`;
    stats.maxHolders[name] = Math.max(stats.maxHolders[name] ?? 0, event.aux);
  }
  return stats;
}
