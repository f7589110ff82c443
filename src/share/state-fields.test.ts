import { describe, expect, test } from 'vitest';
import { isValidState, matchKnobTypes, readState } from './state-fields';

describe('isValidState', () => {
  const cases: [string, unknown, boolean][] = [
    ['minimal', { v: 1, demo: 'race' }, true],
    [
      'full',
      {
        v: 1,
        demo: 'a_b-9',
        code: '',
        params: { threads: 1, gil: false, seed: -3, s: 'x' },
        mode: 'step',
        schedule: [],
      },
      true,
    ],
    ['no v', { demo: 'race' }, false],
    ['v 2', { v: 2, demo: 'race' }, false],
    ['empty demo', { v: 1, demo: '' }, false],
    ['demo with a slash', { v: 1, demo: 'a/b' }, false],
    ['demo of 65 chars', { v: 1, demo: 'a'.repeat(65) }, false],
    ['empty params record', { v: 1, demo: 'race', params: {} }, false],
    ['params array', { v: 1, demo: 'race', params: [1] }, false],
    ['infinite knob', { v: 1, demo: 'race', params: { x: Infinity } }, false],
    ['null knob', { v: 1, demo: 'race', params: { x: null } }, false],
    ['threads 65', { v: 1, demo: 'race', params: { threads: 65 } }, false],
    ['threads as text', { v: 1, demo: 'race', params: { threads: '4' } }, false],
    ['gil as number', { v: 1, demo: 'race', params: { gil: 1 } }, false],
    ['fractional seed', { v: 1, demo: 'race', params: { seed: 0.5 } }, false],
    ['schedule over the thread limit', { v: 1, demo: 'race', schedule: [256] }, false],
    [
      'schedule too long',
      { v: 1, demo: 'race', schedule: new Array<number>(100_001).fill(0) },
      false,
    ],
    ['extra field', { v: 1, demo: 'race', x: 1 }, false],
    ['null', null, false],
  ];
  test.each(cases)('%s', (_name, value, expected) => {
    expect(isValidState(value)).toBe(expected);
  });
});

test('problem lists are cut short so a hostile link cannot flood the page', () => {
  const params = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, null]));
  const { problems } = readState({ demo: 'race', params }, 'scratch');
  expect(problems).toEqual([
    'Invalid knob settings were reset to their defaults: "k0", "k1", "k2", "k3", "k4" and 35 more.',
  ]);
});

describe('matchKnobTypes', () => {
  const defaults = { source: '', params: { fix: false, n: 1, label: 'a' } };
  test('drops only the settings whose type differs from the knob', () => {
    const problems: string[] = [];
    const state = { v: 1 as const, demo: 'd', params: { fix: 1, n: 2, label: true, own: 'x' } };
    expect(matchKnobTypes(state, defaults, problems)).toEqual({
      v: 1,
      demo: 'd',
      params: { n: 2, own: 'x' },
    });
    expect(problems).toEqual(['Knob settings of the wrong type were reset: "fix", "label".']);
  });
  test('removes params once none is left', () => {
    expect(matchKnobTypes({ v: 1, demo: 'd', params: { fix: 0 } }, defaults, [])).toEqual({
      v: 1,
      demo: 'd',
    });
  });
});
