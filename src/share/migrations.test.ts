import { describe, expect, test } from 'vitest';
import { CURRENT_VERSION, readVersion, upgrade } from './migrations';
import type { Migration } from './migrations';

describe('readVersion', () => {
  const cases: [unknown, ReturnType<typeof readVersion>][] = [
    [undefined, { kind: 'known', version: 1 }],
    [1, { kind: 'known', version: 1 }],
    [CURRENT_VERSION + 1, { kind: 'future', version: CURRENT_VERSION + 1 }],
    [0, { kind: 'known', version: 1, problem: expect.any(String) as string }],
    [1.5, { kind: 'known', version: 1, problem: expect.any(String) as string }],
    ['1', { kind: 'known', version: 1, problem: expect.any(String) as string }],
    [null, { kind: 'known', version: 1, problem: expect.any(String) as string }],
  ];
  test.each(cases)('v = %j', (v, expected) => {
    expect(readVersion(v === undefined ? {} : { v })).toEqual(expected);
  });
});

describe('upgrade through a migration table', () => {
  // A made-up history: v1 named the demo `example`, v2 kept knobs under `knobs`.
  const history: Migration[] = [
    ({ example, ...rest }) => ({ ...rest, demo: example }),
    ({ knobs, ...rest }) => ({ ...rest, params: knobs }),
  ];

  const cases: [number, Record<string, unknown>][] = [
    [1, { v: 1, example: 'race', knobs: { fix: true } }],
    [2, { v: 2, demo: 'race', knobs: { fix: true } }],
    [3, { v: 3, demo: 'race', params: { fix: true } }],
  ];
  test.each(cases)('from version %i', (version, raw) => {
    expect(upgrade(raw, version, history)).toEqual({ v: 3, demo: 'race', params: { fix: true } });
  });

  test('a migration that throws or returns a non-object means damage', () => {
    const throwing: Migration[] = [
      () => {
        throw new Error('boom');
      },
    ];
    expect(upgrade({ v: 1 }, 1, throwing)).toBeNull();
    const returnsArray = [() => [] as unknown as Record<string, unknown>];
    expect(upgrade({ v: 1 }, 1, returnsArray)).toBeNull();
  });

  test('the current table leaves a current state as it is', () => {
    expect(upgrade({ demo: 'race' }, 1)).toEqual({ v: CURRENT_VERSION, demo: 'race' });
  });
});
