import { expose, transfer } from 'comlink';
import { holdsOf, spansOf, wakeArrowsOf } from '../../trace/spans';
import { withTimes } from '../../trace/times';
import { packTimeline, unpackEvents, type PackedTimeline } from './timeline-packing';

/** Derives a finished run's spans, holds and wake arrows off the page's main thread. */
const api = {
  derive(events: Int32Array, threadIds: number[], totalUs: number): PackedTimeline {
    const timed = withTimes(unpackEvents(events));
    const packed = packTimeline(
      spansOf(timed, threadIds, totalUs),
      holdsOf(timed, totalUs),
      wakeArrowsOf(timed),
    );
    return transfer(packed, [packed.spans.buffer, packed.holds.buffer, packed.arrows.buffer]);
  },
};

export type TimelineWorkerApi = typeof api;
expose(api);
