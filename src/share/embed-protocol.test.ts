import { describe, expect, test } from 'vitest';
import type { RunReport, State } from '../runtime/contract-types';
import { errorMessage, parseRequest, reportEvent, resultMessage } from './embed-protocol';
import type { ParsedRequest } from './embed-protocol';

const race: State = { v: 1, demo: 'race', params: { fix: true } };

describe('parseRequest accepts well-formed requests', () => {
  const cases: [string, unknown, ParsedRequest][] = [
    [
      'run',
      { type: 'interleave:run', id: 1, args: [] },
      { ok: true, id: 1, method: 'run', args: [] },
    ],
    [
      'args may be left out',
      { type: 'interleave:stop', id: 'a' },
      { ok: true, id: 'a', method: 'stop', args: [] },
    ],
    ['state', { type: 'interleave:state', id: 0 }, { ok: true, id: 0, method: 'state', args: [] }],
    [
      'lastReport',
      { type: 'interleave:lastReport', id: -2.5 },
      { ok: true, id: -2.5, method: 'lastReport', args: [] },
    ],
    [
      'demos',
      { type: 'interleave:demos', id: 'x'.repeat(64) },
      { ok: true, id: 'x'.repeat(64), method: 'demos', args: [] },
    ],
    [
      'load',
      { type: 'interleave:load', id: 2, args: [race] },
      { ok: true, id: 2, method: 'load', args: [race] },
    ],
    [
      'load without v',
      { type: 'interleave:load', id: 2, args: [{ demo: 'race' }] },
      { ok: true, id: 2, method: 'load', args: [{ v: 1, demo: 'race' }] },
    ],
    [
      'step without a thread',
      { type: 'interleave:step', id: 4 },
      { ok: true, id: 4, method: 'step', args: [] },
    ],
    [
      'step a thread',
      { type: 'interleave:step', id: 4, args: [2] },
      { ok: true, id: 4, method: 'step', args: [2] },
    ],
    ['back', { type: 'interleave:back', id: 5 }, { ok: true, id: 5, method: 'back', args: [] }],
    [
      'stepState',
      { type: 'interleave:stepState', id: 6 },
      { ok: true, id: 6, method: 'stepState', args: [] },
    ],
    [
      'sweep without options',
      { type: 'interleave:sweep', id: 3, args: [race] },
      { ok: true, id: 3, method: 'sweep', args: [race, {}] },
    ],
    [
      'sweep with every option',
      {
        type: 'interleave:sweep',
        id: 3,
        args: [race, { threads: [1, 2, 4, 64], repeats: 20, vary: { gil: [false, true] } }],
      },
      {
        ok: true,
        id: 3,
        method: 'sweep',
        args: [race, { threads: [1, 2, 4, 64], repeats: 20, vary: { gil: [false, true] } }],
      },
    ],
  ];
  test.each(cases)('%s', (_name, data, expected) => {
    expect(parseRequest(data)).toEqual(expected);
  });
});

describe('parseRequest ignores messages that are not ours', () => {
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['a string', 'interleave:run'],
    ['an array', [{ type: 'interleave:run' }]],
    ['no type', { id: 1, method: 'run' }],
    ['type not a string', { type: 7, id: 1 }],
    ['another prefix', { type: 'webpackOk', id: 1 }],
    ['prefix in the middle', { type: 'x-interleave:run', id: 1 }],
    ['our own reply', { type: 'interleave:result', id: 1, result: null }],
    ['our own event', { type: 'interleave:report', report: {} }],
  ];
  test.each(cases)('%s', (_name, data) => {
    expect(parseRequest(data)).toEqual({ ok: false, ignore: true });
  });
});

describe('parseRequest rejects malformed requests with a reason', () => {
  const sweep = (options: unknown): unknown => ({
    type: 'interleave:sweep',
    id: 9,
    args: [race, options],
  });
  const cases: [string, unknown, string | number | undefined, RegExp][] = [
    ['unknown method', { type: 'interleave:explode', id: 1 }, 1, /Unknown method/],
    ['inherited name', { type: 'interleave:toString', id: 1 }, 1, /Unknown method/],
    ['missing id', { type: 'interleave:run' }, undefined, /"id"/],
    ['empty id', { type: 'interleave:run', id: '' }, undefined, /"id"/],
    ['long id', { type: 'interleave:run', id: 'x'.repeat(65) }, undefined, /"id"/],
    ['NaN id', { type: 'interleave:run', id: Number.NaN }, undefined, /"id"/],
    ['object id', { type: 'interleave:run', id: {} }, undefined, /"id"/],
    [
      'extra key',
      { type: 'interleave:run', id: 1, args: [], extra: 1 },
      1,
      /only "type", "id" and "args"/,
    ],
    [
      'args not an array',
      { type: 'interleave:run', id: 1, args: {} },
      1,
      /"args" must be an array/,
    ],
    ['arguments to run', { type: 'interleave:run', id: 1, args: [1] }, 1, /expects no arguments/],
    ['arguments to back', { type: 'interleave:back', id: 1, args: [1] }, 1, /expects no arguments/],
    ['step a name', { type: 'interleave:step', id: 1, args: ['T0'] }, 1, /thread id/],
    ['step a fraction', { type: 'interleave:step', id: 1, args: [0.5] }, 1, /thread id/],
    ['step a negative id', { type: 'interleave:step', id: 1, args: [-1] }, 1, /thread id/],
    ['step two threads', { type: 'interleave:step', id: 1, args: [0, 1] }, 1, /at most 1/],
    ['load without a state', { type: 'interleave:load', id: 1, args: [] }, 1, /expects 1 argument/],
    [
      'load with two',
      { type: 'interleave:load', id: 1, args: [race, race] },
      1,
      /expects 1 argument/,
    ],
    ['load a string', { type: 'interleave:load', id: 1, args: ['race'] }, 1, /must be an object/],
    [
      'load a future state',
      { type: 'interleave:load', id: 1, args: [{ v: 2, demo: 'race' }] },
      1,
      /newer/,
    ],
    [
      'load a bad v',
      { type: 'interleave:load', id: 1, args: [{ v: 'x', demo: 'race' }] },
      1,
      /"v"/,
    ],
    [
      'load without demo',
      { type: 'interleave:load', id: 1, args: [{ v: 1 }] },
      1,
      /"demo" must be a demo id/,
    ],
    [
      'load bad code',
      { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'race', code: 1 }] },
      1,
      /not text/,
    ],
    [
      'load bad knob',
      { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'race', params: { threads: 100 } }] },
      1,
      /knob/,
    ],
    [
      'load bad mode',
      { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'race', mode: 'turbo' }] },
      1,
      /mode/,
    ],
    [
      'load bad schedule',
      { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'race', schedule: [1.5] }] },
      1,
      /schedule/,
    ],
    [
      'load unknown field',
      { type: 'interleave:load', id: 1, args: [{ v: 1, demo: 'race', x: 1 }] },
      1,
      /Unknown fields/,
    ],
    ['sweep without state', { type: 'interleave:sweep', id: 9, args: [] }, 9, /expects a state/],
    ['sweep options not an object', sweep([1]), 9, /must be an object/],
    ['sweep unknown option', sweep({ speed: 1 }), 9, /unknown option/],
    ['no thread counts', sweep({ threads: [] }), 9, /"threads"/],
    [
      '13 thread counts',
      sweep({ threads: Array.from({ length: 13 }, (_, i) => i + 1) }),
      9,
      /"threads"/,
    ],
    ['0 threads', sweep({ threads: [0] }), 9, /"threads"/],
    ['65 threads', sweep({ threads: [65] }), 9, /"threads"/],
    ['fractional threads', sweep({ threads: [1.5] }), 9, /"threads"/],
    ['0 repeats', sweep({ repeats: 0 }), 9, /"repeats"/],
    ['21 repeats', sweep({ repeats: 21 }), 9, /"repeats"/],
    ['vary two knobs', sweep({ vary: { gil: [true], fix: [true] } }), 9, /"vary"/],
    ['vary nothing', sweep({ vary: {} }), 9, /"vary"/],
    ['vary seven values', sweep({ vary: { seed: [1, 2, 3, 4, 5, 6, 7] } }), 9, /"vary"/],
    ['vary no values', sweep({ vary: { seed: [] } }), 9, /"vary"/],
    ['vary an object value', sweep({ vary: { seed: [{}] } }), 9, /"vary"/],
    ['vary a bad key', sweep({ vary: { '1x': [1] } }), 9, /"vary"/],
  ];
  test.each(cases)('%s', (_name, data, id, reason) => {
    const parsed = parseRequest(data);
    expect(parsed.ok).toBe(false);
    if (parsed.ok || parsed.ignore) throw new Error('expected a rejection');
    expect(parsed.id).toBe(id);
    expect(parsed.error).toMatch(reason);
  });
});

test('message builders', () => {
  expect(resultMessage(1, { a: 1 })).toEqual({
    type: 'interleave:result',
    id: 1,
    result: { a: 1 },
  });
  expect(errorMessage(null, 'no')).toEqual({ type: 'interleave:result', id: null, error: 'no' });
  const report = { outcome: 'ok' } as RunReport;
  expect(reportEvent(report)).toEqual({ type: 'interleave:report', report });
});
