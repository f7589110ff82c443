import { describe, expect, test } from 'vitest';
import type { State } from '../runtime/contract-types';
import { DRAFT_KEY, clearDraft, draftDiffers, loadDraft, saveDraft } from './draft-store';
import type { DraftStorage } from './draft-store';
import { RACE_SOURCE, testLookup } from './testing/catalogue';

function memoryStore(
  initial: Record<string, string> = {},
): DraftStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const refusing: DraftStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('saving and loading the draft', () => {
  test('round trip under the versioned key', () => {
    const store = memoryStore();
    const state: State = {
      v: 1,
      demo: 'scratch',
      code: 'print(1)',
      params: { gil: true },
      mode: 'step',
    };
    expect(saveDraft(store, state)).toBe(true);
    expect([...store.items.keys()]).toEqual([DRAFT_KEY]);
    expect(loadDraft(store)).toEqual(state);
    expect(clearDraft(store)).toBe(true);
    expect(loadDraft(store)).toBeNull();
  });

  test('storage that refuses is survived', () => {
    expect(saveDraft(refusing, { v: 1, demo: 'race' })).toBe(false);
    expect(loadDraft(refusing)).toBeNull();
    expect(clearDraft(refusing)).toBe(false);
  });

  test('a save refused for lack of space leaves no older draft behind', () => {
    const full = memoryStore();
    saveDraft(full, { v: 1, demo: 'race', params: { fix: true } });
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    expect(saveDraft(full, { v: 1, demo: 'race', params: { fix: false } })).toBe(false);
    expect(loadDraft(full)).toBeNull();
  });

  const junk: [string, string, State | null][] = [
    ['not JSON', '{oops', null],
    ['empty', '', null],
    ['an array', '[1]', null],
    ['a string', '"race"', null],
    ['no demo', '{"v":1,"code":"x"}', null],
    ['a future version', '{"v":9,"demo":"race"}', null],
    [
      'bad fields dropped',
      '{"v":1,"demo":"race","code":7,"params":{"fix":true,"n":null},"mode":"x"}',
      { v: 1, demo: 'race', params: { fix: true } },
    ],
    ['no version', '{"demo":"race"}', { v: 1, demo: 'race' }],
  ];
  test.each(junk)('%s', (_name, text, expected) => {
    expect(loadDraft(memoryStore({ [DRAFT_KEY]: text }))).toEqual(expected);
  });
});

describe('draftDiffers', () => {
  const cases: [string, State | null, State, boolean][] = [
    ['no draft', null, { v: 1, demo: 'race' }, false],
    [
      'same',
      { v: 1, demo: 'race', params: { fix: true } },
      { v: 1, demo: 'race', params: { fix: true } },
      false,
    ],
    [
      'knob at default equals knob unset',
      { v: 1, demo: 'race', params: { threads: 4 } },
      { v: 1, demo: 'race' },
      false,
    ],
    [
      'demo program equals no code',
      { v: 1, demo: 'race', code: RACE_SOURCE },
      { v: 1, demo: 'race' },
      false,
    ],
    [
      'parallel equals no mode',
      { v: 1, demo: 'race', mode: 'parallel' },
      { v: 1, demo: 'race' },
      false,
    ],
    [
      'knob order does not matter',
      { v: 1, demo: 'race', params: { fix: true, seed: 3 } },
      { v: 1, demo: 'race', params: { seed: 3, fix: true } },
      false,
    ],
    ['other demo', { v: 1, demo: 'scratch' }, { v: 1, demo: 'race' }, true],
    [
      'edited code',
      { v: 1, demo: 'race', code: `${RACE_SOURCE}// mine` },
      { v: 1, demo: 'race' },
      true,
    ],
    [
      'other knob value',
      { v: 1, demo: 'race', params: { fix: true } },
      { v: 1, demo: 'race', params: { fix: false } },
      true,
    ],
    ['extra knob', { v: 1, demo: 'race', params: { extra: 1 } }, { v: 1, demo: 'race' }, true],
    [
      'other schedule',
      { v: 1, demo: 'race', schedule: [0, 1] },
      { v: 1, demo: 'race', schedule: [1, 0] },
      true,
    ],
    ['step mode', { v: 1, demo: 'race', mode: 'step' }, { v: 1, demo: 'race' }, true],
  ];
  test.each(cases)('%s', (_name, draft, state, expected) => {
    expect(draftDiffers(draft, state, testLookup)).toBe(expected);
    if (draft) expect(draftDiffers(state, draft, testLookup)).toBe(expected);
  });
});
