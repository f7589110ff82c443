import { describe, expect, test } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import type { State } from '../runtime/contract-types';
import { isValidState } from './state-fields';
import { RACE_SOURCE, testLookup } from './testing/catalogue';
import { LINK_LIMITS, compactState, decodeHash, encodeState } from './url-state';

const hashOf = (value: unknown): string =>
  `#s=${compressToEncodedURIComponent(JSON.stringify(value))}`;
const encode = (state: State): string => encodeState(state, testLookup(state.demo));

describe('encode → decode round trip', () => {
  const states: [string, State][] = [
    ['demo only', { v: 1, demo: 'race' }],
    ['knobs', { v: 1, demo: 'race', params: { fix: true, iterations: 50_000, flavour: 'atomic' } }],
    ['own knob not in the demo', { v: 1, demo: 'race', params: { extra: 'x' } }],
    ['own code', { v: 1, demo: 'scratch', code: 'export function thread() { print("é ✓ 🧵"); }' }],
    ['step mode with schedule', { v: 1, demo: 'race', mode: 'step', schedule: [0, 1, 1, 0, 3] }],
    [
      'everything',
      {
        v: 1,
        demo: 'scratch',
        code: 'x'.repeat(5000),
        params: { threads: 64, gil: true, seed: -7, label: '' },
        mode: 'step',
        schedule: [255, 0],
      },
    ],
  ];
  test.each(states)('%s', (_name, state) => {
    const decoded = decodeHash(`#${encode(state)}`, testLookup);
    expect(decoded).toEqual({ state, problems: [], status: 'ok' });
  });
});

describe('links hold only what differs from the defaults', () => {
  const cases: [string, State, State][] = [
    [
      'knobs at their default',
      { v: 1, demo: 'race', params: { threads: 4, fix: true, flavour: 'plain' } },
      { v: 1, demo: 'race', params: { fix: true } },
    ],
    [
      'all knobs at default',
      { v: 1, demo: 'race', params: { gil: false } },
      { v: 1, demo: 'race' },
    ],
    ['code equal to the demo', { v: 1, demo: 'race', code: RACE_SOURCE }, { v: 1, demo: 'race' }],
    ['parallel mode', { v: 1, demo: 'race', mode: 'parallel' }, { v: 1, demo: 'race' }],
    ['empty schedule', { v: 1, demo: 'race', schedule: [] }, { v: 1, demo: 'race' }],
    [
      'a knob of the same value but another type',
      { v: 1, demo: 'race', params: { iterations: '1000' } },
      { v: 1, demo: 'race', params: { iterations: '1000' } },
    ],
  ];
  test.each(cases)('%s', (_name, state, expected) => {
    expect(compactState(state, testLookup(state.demo))).toEqual(expected);
    expect(encode(state)).toBe(`s=${compressToEncodedURIComponent(JSON.stringify(expected))}`);
  });

  test('a demo missing from the catalogue keeps every knob and the code', () => {
    const state: State = { v: 1, demo: 'gone', code: 'x', params: { fix: false } };
    expect(compactState(state, undefined)).toEqual(state);
  });
});

// Links written by this version of Interleave. They live in course pages: every one must decode
// to the same state forever. Never edit these strings; add new ones when the format changes.
const V1_LINKS: [string, State][] = [
  [
    's=N4IgbiBcCMA0IBMCmBbA9lEAnAhgYyRHgAcdcUBnKUAMwEsAPKAFywFcl5mALLJHBFUgAOAL6igA',
    { v: 1, demo: 'race', params: { fix: true, threads: 8 } },
  ],
  [
    's=N4IgbiBcCMA0IBMCmBbA9lEBnAxgJwEMAXHACxHhzWUyoDssiACAGzRwGsmBeJupAO5MAMuw4AKAJQBuADr8AHgAc0eZvUZMipPEgIIsPJgCY5ilWqYAzAK50cRAJZo6WnXoTjHCSU2DymVjEAOgFHbXEpHgA+JiU8RzoicQByUkcmFKYAaiZvSRl5AF95ChAlAkIULChQAHNHFigiPBskeCwkJAQoABZjIvh0GkhsIiQlMtxSbpsWJCgAbQAGWDg4ZYBdIqA',
    {
      v: 1,
      demo: 'scratch',
      code: "const lock = new Lock();\nexport const threads = 2;\nexport function thread(id) {\n  lock.with(() => print('hi ' + id));\n}\n",
      params: { gil: true, seed: 42 },
      mode: 'step',
      schedule: [0, 1, 1, 0],
    },
  ],
  // The earliest links may lack `v`: they are version 1.
  ['s=N4IgJgpgtg9iBcIBOBDAxhEBfIA', { v: 1, demo: 'race' }],
];

describe('v1 link fixtures', () => {
  test.each(V1_LINKS)('%s', (hash, state) => {
    expect(decodeHash(`#${hash}`, testLookup)).toEqual({ state, problems: [], status: 'ok' });
  });

  test('the encoder still writes the first two byte for byte', () => {
    for (const [hash, state] of V1_LINKS.slice(0, 2)) expect(encode(state)).toBe(hash);
  });
});

describe('decoding damaged, foreign and hostile links', () => {
  const defaultState: State = { v: 1, demo: 'scratch' };
  const cases: [string, string, Partial<ReturnType<typeof decodeHash>>][] = [
    ['empty hash', '', { state: defaultState, status: 'absent', problems: [] }],
    ['another fragment', '#section-2', { state: defaultState, status: 'absent' }],
    ['empty payload', '#s=', { state: defaultState, status: 'absent' }],
    ['not lz data', '#s=%%%%', { state: defaultState, status: 'damaged' }],
    [
      'cut short',
      `#s=${compressToEncodedURIComponent('{"v":1,"demo":"race"}').slice(0, 5)}`,
      { state: defaultState, status: 'damaged' },
    ],
    ['JSON that is not an object', hashOf([1, 2]), { state: defaultState, status: 'damaged' }],
    ['JSON null', hashOf(null), { state: defaultState, status: 'damaged' }],
    [
      'future version',
      hashOf({ v: 2, demo: 'race' }),
      { state: defaultState, status: 'future-version' },
    ],
    [
      'unknown demo',
      hashOf({ v: 1, demo: 'nope', params: { fix: true } }),
      { state: defaultState, status: 'damaged' },
    ],
    [
      'demo that is not an id',
      hashOf({ v: 1, demo: '../etc' }),
      { state: defaultState, status: 'damaged' },
    ],
    [
      'unknown demo with its own code',
      hashOf({ v: 1, demo: 'nope', code: 'print(1)', params: { a: 1 }, mode: 'step' }),
      { state: { v: 1, demo: 'scratch', code: 'print(1)', mode: 'step' }, status: 'damaged' },
    ],
    [
      'unreadable version',
      hashOf({ v: 'one', demo: 'race' }),
      { state: { v: 1, demo: 'race' }, status: 'partial' },
    ],
    [
      'bad fields fall back, good ones stay',
      hashOf({
        v: 1,
        demo: 'race',
        code: 42,
        params: { fix: true, threads: 0, 'bad key': 1, big: 'x'.repeat(201) },
        mode: 'fast',
        schedule: [0, -1],
      }),
      { state: { v: 1, demo: 'race', params: { fix: true } }, status: 'partial' },
    ],
    [
      'knob of the wrong type',
      hashOf({ v: 1, demo: 'race', params: { fix: 'yes', iterations: 5 } }),
      { state: { v: 1, demo: 'race', params: { iterations: 5 } }, status: 'partial' },
    ],
    [
      'unknown field',
      hashOf({ v: 1, demo: 'race', extra: 1 }),
      { state: { v: 1, demo: 'race' }, status: 'partial' },
    ],
    [
      'too many knobs',
      hashOf({
        v: 1,
        demo: 'race',
        params: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])),
      }),
      { state: { v: 1, demo: 'race' }, status: 'partial' },
    ],
    [
      'code too long',
      hashOf({ v: 1, demo: 'race', code: 'y'.repeat(200_001) }),
      { state: { v: 1, demo: 'race' }, status: 'partial' },
    ],
    [
      '__proto__ knob',
      `#s=${compressToEncodedURIComponent('{"demo":"race","params":{"__proto__":{"polluted":1}}}')}`,
      { state: { v: 1, demo: 'race' }, status: 'partial' },
    ],
    [
      'compressed payload too large',
      `#s=${'A'.repeat(LINK_LIMITS.compressedChars + 1)}`,
      { state: defaultState, status: 'too-large' },
    ],
    [
      'JSON too large',
      hashOf({ v: 1, demo: 'race', pad: 'z'.repeat(LINK_LIMITS.jsonChars) }),
      { state: defaultState, status: 'too-large' },
    ],
    [
      'percent-encoded by a mail client',
      `#s=${encodeURIComponent(compressToEncodedURIComponent('{"demo":"race","params":{"fix":true}}'))}`,
      { state: { v: 1, demo: 'race', params: { fix: true } }, status: 'ok' },
    ],
    [
      'other fragment entries',
      `#x=1&s=${compressToEncodedURIComponent('{"demo":"race"}')}`,
      { state: { v: 1, demo: 'race' }, status: 'ok' },
    ],
  ];
  test.each(cases)('%s', (_name, hash, expected) => {
    const result = decodeHash(hash, testLookup);
    expect(result).toMatchObject(expected);
    expect(isValidState(result.state)).toBe(true);
    expect(result.problems.length > 0).toBe(result.status !== 'ok' && result.status !== 'absent');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('the default demo is a parameter', () => {
    expect(decodeHash('#s=garbage', testLookup, { defaultDemo: 'race' }).state).toEqual({
      v: 1,
      demo: 'race',
    });
  });

  test('messages are sentences a learner can read', () => {
    const { problems } = decodeHash(hashOf({ v: 1, demo: 'nope' }), testLookup);
    expect(problems).toEqual([
      'This link names the demo "nope", which this version of Interleave does not have; the default demo is loaded instead.',
    ]);
  });
});

describe('knobs outside their declared range', () => {
  test('are held to the range, with a sentence each', () => {
    const decoded = decodeHash(
      hashOf({ v: 1, demo: 'bounded', params: { threads: 64, iterations: 1e12 } }),
      testLookup,
    );
    expect(decoded).toEqual({
      state: { v: 1, demo: 'bounded', params: { threads: 16, iterations: 200 } },
      problems: [
        'threads: 64 is outside 1–16; using 16.',
        'iterations: 1e12 is outside 1–200; using 200.',
      ],
      status: 'partial',
    });
  });
});
