import { describe, expect, test } from 'vitest';
import type { State } from '../runtime/contract-types';
import { parseRequest } from './embed-protocol';
import { SEARCH_LIMITS, searchOptionsArg, searchProgressEvent } from './search-args';

const race: State = { v: 1, demo: 'race' };
const search = (...args: unknown[]): unknown => ({ type: 'interleave:search', id: 4, args });

describe('the search over the message API', () => {
  test.each([
    ['no options', search(race), [race, {}]],
    [
      'every option',
      search(race, {
        strategy: 'exhaustive',
        depth: 3,
        preemptions: 0,
        maxRuns: 100000,
        maxMs: 120000,
      }),
      [race, { strategy: 'exhaustive', depth: 3, preemptions: 0, maxRuns: 100000, maxMs: 120000 }],
    ],
    [
      'pct with depth 1',
      search(race, { strategy: 'pct', depth: 1 }),
      [race, { strategy: 'pct', depth: 1 }],
    ],
  ])('accepts %s', (_name, data, args) => {
    expect(parseRequest(data)).toEqual({ ok: true, id: 4, method: 'search', args });
  });

  test('searchProgress takes no arguments', () => {
    expect(parseRequest({ type: 'interleave:searchProgress', id: 5 })).toEqual({
      ok: true,
      id: 5,
      method: 'searchProgress',
      args: [],
    });
    expect(parseRequest({ type: 'interleave:searchProgress', id: 5, args: [1] })).toMatchObject({
      ok: false,
      error: /expects no arguments/,
    });
  });

  test.each([
    ['no state', search(), /expects a state/],
    ['three arguments', search(race, {}, {}), /expects a state/],
    ['a bad state', search({ v: 1 }), /"demo"/],
    ['options not an object', search(race, 3), /must be an object/],
    [
      'unknown strategy',
      search(race, { strategy: 'dfs' }),
      /"strategy" must be one of pct, random, exhaustive/,
    ],
    ['depth 0', search(race, { depth: 0 }), /"depth"/],
    ['depth 4', search(race, { depth: SEARCH_LIMITS.maxDepth + 1 }), /"depth"/],
    ['fractional preemptions', search(race, { preemptions: 1.5 }), /"preemptions"/],
    ['too many preemptions', search(race, { preemptions: 7 }), /"preemptions"/],
    ['0 runs', search(race, { maxRuns: 0 }), /"maxRuns"/],
    ['too many runs', search(race, { maxRuns: 100001 }), /"maxRuns"/],
    ['0 ms', search(race, { maxMs: 0 }), /"maxMs"/],
    ['NaN ms', search(race, { maxMs: Number.NaN }), /"maxMs"/],
    ['unknown option', search(race, { seed: 1 }), /unknown option "seed"/],
  ])('rejects %s', (_name, data, reason) => {
    const parsed = parseRequest(data);
    if (parsed.ok || parsed.ignore) throw new Error('expected a rejection');
    expect(parsed.id).toBe(4);
    expect(parsed.error).toMatch(/^search: /);
    expect(parsed.error).toMatch(reason);
  });

  test('its progress events are ours, so a frame never answers them', () => {
    const event = searchProgressEvent({ runs: 3, ms: 40 });
    expect(event).toEqual({ type: 'interleave:search-progress', runs: 3, ms: 40 });
    expect(parseRequest(event)).toEqual({ ok: false, ignore: true });
  });

  test('the options checker alone', () => {
    expect(searchOptionsArg({})).toEqual({});
    expect(searchOptionsArg(null)).toMatch(/must be an object/);
  });
});
