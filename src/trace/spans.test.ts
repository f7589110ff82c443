import { describe, expect, it } from 'vitest';
import { BlockOp, EventKind as K, WakeResult } from '../sync/kinds';
import { spansOf } from './spans';
import { L, log, M } from './test-log.fixture';
import type { StateSpan, TimedEvent } from './types';

describe('spansOf', () => {
  const cases: {
    name: string;
    events: TimedEvent[];
    threads: number[];
    endUs: number;
    spans: StateSpan[];
  }[] = [
    {
      name: 'a lane starts at ThreadStart and a thread still running ends at endUs',
      events: log([[0, K.ThreadRun, -1, 0, 10]]),
      threads: [0],
      endUs: 50,
      spans: [{ thread: 0, state: 'running', startUs: 10, endUs: 50 }],
    },
    {
      name: 'Block→Wake is waiting on the object, then done after ThreadEnd aux 0',
      events: log([
        [0, K.ThreadRun, -1, 0, 0],
        [0, K.Block, L, BlockOp.Acquire, 10],
        [0, K.Wake, L, WakeResult.Ok, 30],
        [0, K.ThreadEnd, -1, 0, 40],
      ]),
      threads: [0],
      endUs: 100,
      spans: [
        { thread: 0, state: 'running', startUs: 0, endUs: 10 },
        { thread: 0, state: 'waiting', startUs: 10, endUs: 30, object: L, op: BlockOp.Acquire },
        { thread: 0, state: 'running', startUs: 30, endUs: 40 },
        { thread: 0, state: 'done', startUs: 40, endUs: 100 },
      ],
    },
    {
      name: 'Block with op Gil is gil-wait, op Input is input; ThreadEnd aux 1 is failed',
      events: log([
        [0, K.ThreadRun, -1, 0, 0],
        [0, K.Block, 1, BlockOp.Gil, 5],
        [0, K.Wake, 1, WakeResult.Ok, 6],
        [0, K.Block, 2, BlockOp.Input, 8],
        [0, K.Wake, 2, WakeResult.Ok, 9],
        [0, K.ThreadEnd, -1, 1, 12],
      ]),
      threads: [0],
      endUs: 20,
      spans: [
        { thread: 0, state: 'running', startUs: 0, endUs: 5 },
        { thread: 0, state: 'gil-wait', startUs: 5, endUs: 6 },
        { thread: 0, state: 'running', startUs: 6, endUs: 8 },
        { thread: 0, state: 'input', startUs: 8, endUs: 9 },
        { thread: 0, state: 'running', startUs: 9, endUs: 12 },
        { thread: 0, state: 'failed', startUs: 12, endUs: 20 },
      ],
    },
    {
      name: 'sleep, input and GIL events; GilAcquire then Wake does not split running',
      events: log([
        [1, K.ThreadRun, -1, 0, 0],
        [1, K.SleepBegin, -1, 0, 1],
        [1, K.GilRelease, 0, 0, 1],
        [1, K.SleepEnd, -1, 0, 4],
        [1, K.GilWait, 0, 0, 4],
        [1, K.GilAcquire, 0, 0, 6],
        [1, K.Acquire, L, 1, 6],
        [1, K.InputBegin, -1, 0, 7],
        [1, K.InputEnd, -1, 0, 9],
        [1, K.Block, L, BlockOp.Wait, 10],
        [1, K.GilWait, 0, 0, 12],
        [1, K.GilAcquire, 0, 0, 13],
        [1, K.Wake, L, WakeResult.Ok, 13],
      ]),
      threads: [1],
      endUs: 15,
      spans: [
        { thread: 1, state: 'running', startUs: 0, endUs: 1 },
        { thread: 1, state: 'sleeping', startUs: 1, endUs: 4 },
        { thread: 1, state: 'gil-wait', startUs: 4, endUs: 6 },
        { thread: 1, state: 'running', startUs: 6, endUs: 7 },
        { thread: 1, state: 'input', startUs: 7, endUs: 9 },
        { thread: 1, state: 'running', startUs: 9, endUs: 10 },
        { thread: 1, state: 'waiting', startUs: 10, endUs: 12, object: L, op: BlockOp.Wait },
        { thread: 1, state: 'gil-wait', startUs: 12, endUs: 13 },
        { thread: 1, state: 'running', startUs: 13, endUs: 15 },
      ],
    },
    {
      name: 'a lane blocked at endUs ends its wait there; lanes follow threadIds, others ignored',
      events: log([
        [0, K.ThreadRun, -1, 0, 0],
        [1, K.ThreadRun, -1, 0, 2],
        [2, K.ThreadRun, -1, 0, 2],
        [1, K.Block, 0, BlockOp.Join, 3],
        [0, K.Block, M, BlockOp.Acquire, 4],
      ]),
      threads: [1, 0],
      endUs: 9,
      spans: [
        { thread: 1, state: 'running', startUs: 2, endUs: 3 },
        { thread: 1, state: 'waiting', startUs: 3, endUs: 9, object: 0, op: BlockOp.Join },
        { thread: 0, state: 'running', startUs: 0, endUs: 4 },
        { thread: 0, state: 'waiting', startUs: 4, endUs: 9, object: M, op: BlockOp.Acquire },
      ],
    },
    {
      name: 'a clock read that lags its seq never runs a lane backwards; empty spans are left out',
      events: log([
        [0, K.ThreadRun, -1, 0, 10],
        [0, K.Block, L, BlockOp.Acquire, 8],
        [0, K.Wake, L, WakeResult.Ok, 20],
      ]),
      threads: [0],
      endUs: 15,
      spans: [
        { thread: 0, state: 'waiting', startUs: 10, endUs: 20, object: L, op: BlockOp.Acquire },
      ],
    },
    {
      name: 'events after ThreadEnd and threads that never started draw nothing more',
      events: log([
        [0, K.ThreadRun, -1, 0, 0],
        [0, K.ThreadEnd, -1, 0, 3],
        [0, K.Block, L, BlockOp.Acquire, 4],
      ]),
      threads: [0, 5],
      endUs: 6,
      spans: [
        { thread: 0, state: 'running', startUs: 0, endUs: 3 },
        { thread: 0, state: 'done', startUs: 3, endUs: 6 },
      ],
    },
    {
      name: 'start-up (ThreadStart … ThreadRun) is its own state, not running',
      events: log([
        [0, K.ThreadStart, -1, 0, 0],
        [0, K.ThreadRun, -1, 0, 17],
        [0, K.SleepBegin, -1, 0, 20],
      ]),
      threads: [0],
      endUs: 30,
      spans: [
        { thread: 0, state: 'starting', startUs: 0, endUs: 17 },
        { thread: 0, state: 'running', startUs: 17, endUs: 20 },
        { thread: 0, state: 'sleeping', startUs: 20, endUs: 30 },
      ],
    },
  ];
  it.each(cases)('$name', ({ events, threads, endUs, spans }) => {
    expect(spansOf(events, threads, endUs)).toEqual(spans);
  });

  // The events the runtime writes with the GIL on (src/runtime/gil.ts), in seq order: two threads
  // start, queue for the GIL, then hand it over at checkpoints; a holder announces its wait
  // (GilWait) before letting go, and the next holder reports GilAcquire after taking it.
  const handOvers = log([
    [0, K.ThreadStart, -1, 0, 0],
    [1, K.ThreadStart, -1, 0, 1],
    [0, K.ThreadRun, -1, 0, 15],
    [1, K.GilWait, -1, 0, 16],
    [0, K.GilWait, -1, 0, 5015],
    [1, K.GilAcquire, -1, 0, 5016],
    [1, K.ThreadRun, -1, 0, 5016],
    [1, K.GilWait, -1, 0, 10020],
    [0, K.GilAcquire, -1, 0, 10020],
    [0, K.SleepBegin, -1, 0, 12000],
    [1, K.GilAcquire, -1, 0, 12001],
    [1, K.ThreadEnd, -1, 0, 14000],
    [0, K.GilWait, -1, 0, 14001],
    [0, K.GilAcquire, -1, 0, 14002],
    [0, K.SleepEnd, -1, 0, 14002],
    [0, K.ThreadEnd, -1, 0, 15000],
  ]);

  it('with the GIL on, running spans of different threads never overlap', () => {
    const running = spansOf(handOvers, [0, 1], 16000).filter((s) => s.state === 'running');
    expect(running.map((s) => [s.thread, s.startUs, s.endUs])).toEqual([
      [0, 15, 5015],
      [0, 10020, 12000],
      [0, 14002, 15000],
      [1, 5016, 10020],
      [1, 12001, 14000],
    ]);
    for (const a of running)
      for (const b of running)
        if (a.thread !== b.thread) expect(a.endUs <= b.startUs || b.endUs <= a.startUs).toBe(true);
  });

  it('a thread handing the GIL over at a checkpoint waits for it until it has it back', () => {
    const lane = spansOf(handOvers, [0, 1], 16000).filter((s) => s.thread === 0);
    expect(lane.find((s) => s.startUs === 5015)).toEqual({
      thread: 0,
      state: 'gil-wait',
      startUs: 5015,
      endUs: 10020,
    });
  });
});
