import { describe, expect, test } from 'vitest';
import type { State } from '../runtime/contract-types';
import { mulberry32 } from '../runtime/worker/kernel';
import { isValidState } from './state-fields';
import { testLookup } from './testing/catalogue';
import { decodeHash, encodeState } from './url-state';
import type { DecodeResult } from './url-state';

// The URI-safe alphabet lz-string writes, plus characters a mangled link might carry.
const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$#&=%?/ .é\u0000\uffff';

const STATUSES = ['ok', 'partial', 'damaged', 'too-large', 'future-version', 'absent'];

const SEEDS: State[] = [
  { v: 1, demo: 'race', params: { fix: true, threads: 8, flavour: 'atomic' } },
  { v: 1, demo: 'scratch', code: 'export function thread(id) { print(id); }', mode: 'step' },
  { v: 1, demo: 'race', mode: 'step', schedule: [0, 1, 2, 3, 2, 1, 0] },
  { v: 1, demo: 'race', params: { seed: 99, gil: true }, code: 'const q = new Queue(3);' },
];

function expectSound(result: DecodeResult): void {
  expect(STATUSES).toContain(result.status);
  expect(isValidState(result.state)).toBe(true);
  expect(testLookup(result.state.demo)).toBeDefined();
  expect(
    result.problems.every((problem) => typeof problem === 'string' && problem.length < 1000),
  ).toBe(true);
}

describe('decodeHash never throws and always yields a valid state', () => {
  test('10,000 random strings', () => {
    const random = mulberry32(0x5eed);
    const pick = (): string => ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '';
    for (let i = 0; i < 10_000; i++) {
      const length = Math.floor(random() * 120);
      const body = Array.from({ length }, pick).join('');
      expectSound(decodeHash(random() < 0.7 ? `#s=${body}` : body, testLookup));
    }
  });

  test('10,000 mutated valid links', () => {
    const random = mulberry32(0xc0ffee);
    const hashes = SEEDS.map((state) => encodeState(state, testLookup(state.demo)));
    const statuses = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const chars = [...(hashes[i % hashes.length] ?? '')];
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        // Never touch the `s=` prefix: a mutation there only tests the 'absent' path.
        const at = 2 + Math.floor(random() * (chars.length - 2));
        const char = ALPHABET[Math.floor(random() * 64)] ?? 'A';
        const op = random();
        if (op < 0.4) chars[at] = char;
        else if (op < 0.7) chars.splice(at, 0, char);
        else chars.splice(at, 1);
      }
      const result = decodeHash(`#${chars.join('')}`, testLookup);
      expectSound(result);
      statuses.add(result.status);
    }
    // The mutations must reach past the lz layer, or this test would prove little.
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['damaged', 'ok', 'partial']));
  });
});
