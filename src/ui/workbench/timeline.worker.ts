import { expose, transfer } from 'comlink';
import { holdsOf, spansOf, wakeArrowsOf } from '../../trace/spans';
import { withTimes } from '../../trace/times';
import { isValueEvent } from '../../trace/value-events';
import { packTimeline, unpackEvents, type PackedTimeline } from './timeline-packing';

/** Derives a finished run's spans, holds and wake arrows off the page's main thread. */
const api = {
  derive(events: Float64Array, threadIds: number[], totalUs: number): PackedTimeline {
    const timed = withTimes(unpackEvents(events));
    const packed = packTimeline(
      spansOf(timed, threadIds, totalUs),
      holdsOf(timed, totalUs),
      wakeArrowsOf(timed),
      timed.filter(isValueEvent),
    );
    return transfer(packed, [
      packed.spans.buffer,
      packed.holds.buffer,
      packed.arrows.buffer,
      packed.values.buffer,
    ]);
  },
};

export type TimelineWorkerApi = typeof api;
expose(api);
