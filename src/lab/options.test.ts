import { describe, expect, it } from 'vitest';
import { parseThreadList, varyChoicesOf } from './options';

describe('parseThreadList', () => {
  it.each([
    { text: '1, 2, 4, 8', parsed: { ok: true, value: [1, 2, 4, 8] } },
    { text: ' 8 4,,2 1 ', parsed: { ok: true, value: [1, 2, 4, 8] } },
    { text: '2, 2, 1', parsed: { ok: true, value: [1, 2] } },
    { text: '', parsed: { ok: false, error: 'List at least one thread count.' } },
    { text: '1, two', parsed: { ok: false, error: '"two" is not a whole number from 1 to 64.' } },
    { text: '0 1', parsed: { ok: false, error: '"0" is not a whole number from 1 to 64.' } },
    { text: '1.5', parsed: { ok: false, error: '"1.5" is not a whole number from 1 to 64.' } },
    { text: '65', parsed: { ok: false, error: '"65" is not a whole number from 1 to 64.' } },
  ])('"$text"', ({ text, parsed }) => {
    expect(parseThreadList(text)).toEqual(parsed);
  });
});

describe('varyChoicesOf', () => {
  it('offers the GIL always and what the preset varies', () => {
    expect(varyChoicesOf(undefined)).toEqual({ gil: [false, true] });
    expect(varyChoicesOf({ threads: [1, 2], repeats: 3, vary: { kind: ['cpu', 'io'] } })).toEqual({
      gil: [false, true],
      kind: ['cpu', 'io'],
    });
  });
});
