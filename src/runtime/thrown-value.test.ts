import { describe, expect, it } from 'vitest';
import { messageOf, sourceErrorOf } from './thrown-value';

const url = 'blob:http://127.0.0.1:4173/5f1c-aa';

describe('sourceErrorOf', () => {
  it('gives an error its message, name and line', () => {
    const error = new TypeError('x is not a function');
    error.stack = `TypeError: x is not a function\n    at thread (${url}:12:5)`;
    expect(sourceErrorOf(error, url)).toEqual({
      message: 'TypeError: x is not a function',
      line: 12,
      column: 5,
    });
  });

  it('reports a thrown non-error value', () => {
    expect(sourceErrorOf(42, url)).toEqual({ message: 'Uncaught 42' });
  });
});

describe('messageOf: whatever a program throws, a readable message and no exception', () => {
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('get trap');
      },
      getPrototypeOf: () => {
        throw new Error('prototype trap');
      },
      ownKeys: () => {
        throw new Error('keys trap');
      },
    },
  );
  class Nasty extends Error {
    override get message(): string {
      throw new Error('message getter');
    }
    override get name(): string {
      throw new Error('name getter');
    }
  }
  const cases: [string, unknown, RegExp][] = [
    ['a string', 'boom', /^Uncaught boom$/],
    ['undefined', undefined, /^Uncaught undefined$/],
    ['null', null, /^Uncaught null$/],
    ['a symbol', Symbol('s'), /^Uncaught Symbol\(s\)$/],
    ['Object.create(null)', Object.create(null), /^Uncaught object \(not an Error\): \{\}$/],
    ['a plain object', { code: 7 }, /\{"code":7\}/],
    ['an error whose getters throw', new Nasty(), /^Error: $/],
    ['a proxy that throws on every trap', throwing, /^Uncaught object \(not an Error\)/],
    [
      'a cyclic object',
      (() => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      })(),
      /not an Error/,
    ],
    ['a huge string', 'x'.repeat(100_000), /^Uncaught x{1991}…$/],
  ];
  it.each(cases)('%s', (_, value, expected) => {
    expect(messageOf(value)).toMatch(expected);
    expect(() => sourceErrorOf(value, url)).not.toThrow();
  });
});
