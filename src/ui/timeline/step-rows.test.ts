import { describe, expect, it } from 'vitest';
import type { StepTimelineModel } from './step-model';
import { stepRowsOf } from './step-rows';

const model: StepTimelineModel = {
  steps: 4,
  stepOfSeq: new Map(),
  lanes: [
    {
      thread: { id: 0, name: 'T0' },
      cells: [
        { step: 1, thread: 0, label: 'acquire', object: 'lockA', text: '' },
        { step: 4, thread: 0, label: 'write 1', object: 'counter', text: '', lost: 'T0 wrote 1 …' },
      ],
      waits: [],
    },
    {
      thread: { id: 1, name: 'T1' },
      cells: [{ step: 2, thread: 1, label: 'start', object: '', text: '' }],
      waits: [
        { thread: 1, fromStep: 3, toStep: 3, reason: 'waits for lockA, held by T0' },
        { thread: 1, fromStep: 4, toStep: 5, reason: 'waits for go' },
      ],
    },
  ],
};

describe('stepRowsOf', () => {
  it('lists steps and waits in step order, with lost updates and reasons as details', () => {
    expect(stepRowsOf(model, null).map((r) => [r.step, r.thread, r.operation, r.details])).toEqual([
      ['1', 'T0', 'acquire', ''],
      ['2', 'T1', 'start', ''],
      ['3', 'T1', 'waiting', 'waits for lockA, held by T0'],
      ['4', 'T0', 'write 1', 'lost update: T0 wrote 1 …'],
      ['4–now', 'T1', 'waiting', 'waits for go'],
    ]);
  });

  it('keeps one thread’s rows when asked', () => {
    expect(stepRowsOf(model, 0).map((r) => r.step)).toEqual(['1', '4']);
  });
});
