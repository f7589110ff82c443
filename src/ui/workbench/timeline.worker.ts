import { expose, transfer } from 'comlink';
import { lostUpdateEventsOf, type LostUpdateEvent } from '../../trace/lost-updates';
import { holdsOf, spansOf, wakeArrowsOf } from '../../trace/spans';
import { withTimes } from '../../trace/times';
import type { TracedObject } from '../../trace/types';
import { isValueEvent } from '../../trace/value-events';
import { unpackEvents } from '../../trace/event-packing';
import { packTimeline, type PackedTimeline } from './timeline-packing';

/** Derives a finished run's spans, holds, wake arrows and lost updates off the page's main thread. */
const api = {
  derive(
    events: Float64Array,
    threadIds: number[],
    totalUs: number,
    objects: TracedObject[],
  ): { packed: PackedTimeline; lostUpdates: LostUpdateEvent[] } {
    const timed = withTimes(unpackEvents(events));
    const values = timed.filter(isValueEvent);
    const packed = packTimeline(
      spansOf(timed, threadIds, totalUs),
      holdsOf(timed, totalUs),
      wakeArrowsOf(timed),
      values,
    );
    return transfer({ packed, lostUpdates: lostUpdateEventsOf(values, objects) }, [
      packed.spans.buffer,
      packed.holds.buffer,
      packed.arrows.buffer,
      packed.values.buffer,
    ]);
  },
};

export type TimelineWorkerApi = typeof api;
expose(api);
