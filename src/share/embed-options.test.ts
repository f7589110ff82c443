import { describe, expect, it } from 'vitest';
import { MINIMAL_EMBED, embedFlagsOf, embedStateOf } from './embed-options';

describe('embedFlagsOf', () => {
  it.each([
    [{}, { embed: true }],
    [
      { knobs: true, explain: true },
      { embed: true, knobs: true, explain: true },
    ],
    [
      { predict: true, resize: true, edit: true },
      { embed: true, predict: true, resize: true, edit: true },
    ],
    [{ views: ['output', 'timeline'] as const }, { embed: true, views: ['timeline', 'output'] }],
    [{ views: [] }, { embed: true, view: 'code' }],
  ])('%j → %j', (change, flags) => {
    expect(embedFlagsOf({ ...MINIMAL_EMBED, ...change })).toEqual(flags);
  });
});

describe('embedStateOf', () => {
  it('puts the setup in step mode when asked, and takes it out otherwise', () => {
    const state = { v: 1 as const, demo: 'deadlock', params: { fix: true } };
    expect(embedStateOf(state, { ...MINIMAL_EMBED, step: true })).toEqual({
      ...state,
      mode: 'step',
    });
    expect(embedStateOf({ ...state, mode: 'step', schedule: [0, 1] }, MINIMAL_EMBED)).toEqual(
      state,
    );
  });
});
