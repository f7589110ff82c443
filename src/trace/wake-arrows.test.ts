import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind as K, WakeResult } from '../sync/kinds';
import { wakeArrowsOf } from './spans';
import { L, log, M } from './test-log.fixture';
import type { TimedEvent, WakeArrow } from './types';

describe('wakeArrowsOf', () => {
  const cases: { name: string; events: TimedEvent[]; arrows: WakeArrow[] }[] = [
    {
      name: 'a release wakes a blocked acquirer',
      events: log([
        [0, K.Acquire, L, 1, 0],
        [1, K.Block, L, BlockOp.Acquire, 1],
        [0, K.Release, L, 0, 5],
        [1, K.Wake, L, WakeResult.Ok, 7],
      ]),
      arrows: [{ fromThread: 0, toThread: 1, object: L, atUs: 5, wokenAtUs: 7 }],
    },
    {
      name: 'pairs with the latest signal by another thread, skipping the woken thread’s own',
      events: log([
        [2, K.Signal, L, BlockOp.Set, 1],
        [0, K.Signal, L, BlockOp.Set, 2],
        [1, K.Signal, L, BlockOp.Set, 3],
        [1, K.Block, L, BlockOp.Wait, 4],
        [1, K.Signal, L, BlockOp.Set, 5],
        [1, K.Wake, L, WakeResult.Ok, 6],
      ]),
      arrows: [{ fromThread: 0, toThread: 1, object: L, atUs: 2, wokenAtUs: 6 }],
    },
    {
      name: 'timeouts and errors draw no arrow; neither does a wake with no signal',
      events: log([
        [1, K.Block, L, BlockOp.Acquire, 1],
        [1, K.Wake, L, WakeResult.Ok, 2],
        [0, K.Release, L, 0, 3],
        [1, K.Block, L, BlockOp.Acquire, 4],
        [1, K.Wake, L, WakeResult.Timeout, 5],
        [1, K.Block, L, BlockOp.Acquire, 6],
        [1, K.Wake, L, WakeResult.Error, 7],
      ]),
      arrows: [],
    },
    {
      name: 'a Join wake pairs with the target’s ThreadEnd, not a release of an object with that id',
      events: log([
        [0, K.Block, 2, BlockOp.Join, 1],
        [3, K.Release, 2, 0, 2],
        [2, K.ThreadEnd, -1, 0, 3],
        [0, K.Wake, 2, WakeResult.Ok, 4],
      ]),
      arrows: [{ fromThread: 2, toThread: 0, object: 2, atUs: 3, wokenAtUs: 4 }],
    },
    {
      name: 'one signal may wake several threads (notifyAll)',
      events: log([
        [1, K.Block, M, BlockOp.Wait, 1],
        [2, K.Block, M, BlockOp.Wait, 2],
        [0, K.Signal, M, BlockOp.Notify, 3],
        [2, K.Wake, M, WakeResult.Ok, 4],
        [1, K.Wake, M, WakeResult.Ok, 5],
      ]),
      arrows: [
        { fromThread: 0, toThread: 2, object: M, atUs: 3, wokenAtUs: 4 },
        { fromThread: 0, toThread: 1, object: M, atUs: 3, wokenAtUs: 5 },
      ],
    },
  ];
  it.each(cases)('$name', ({ events, arrows }) => {
    expect(wakeArrowsOf(events)).toEqual(arrows);
  });
});
