import { describe, expect, it } from 'vitest';
import { perThreadCopyWritesOf } from './thread-copies';

const lines = (...l: string[]) => l.join('\n');
const where = (source: string) =>
  perThreadCopyWritesOf(source).map((w) => [w.name, w.line, w.column, w.endColumn]);

describe('perThreadCopyWritesOf', () => {
  it('marks a thread function’s writes to a top-level let, at the name', () => {
    const source = lines(
      'let counter = 0;',
      'export const threads = 4;',
      'export function thread(id) {',
      '  for (let i = 0; i < 1000; i++) counter = counter + 1;',
      '  counter += 2;',
      '  counter++;',
      '}',
    );
    expect(where(source)).toEqual([
      ['counter', 4, 34, 41],
      ['counter', 5, 3, 10],
      ['counter', 6, 3, 10],
    ]);
    expect(perThreadCopyWritesOf(source)[0]?.message).toBe(
      'counter is not shared: each thread has its own copy; use SharedInt to share (docs/programs.md).',
    );
  });

  it('covers var, exported lets, arrow functions and nested functions', () => {
    const source = lines(
      'var total = 0;',
      'export let hits = 0;',
      'const add = () => { total = total + 1; };',
      'export function main() { function inner() { hits--; } inner(); }',
    );
    expect(where(source).map(([name, line]) => [name, line])).toEqual([
      ['total', 3],
      ['hits', 4],
    ]);
  });

  it.each([
    [
      'a const shared object',
      'const counter = new SharedInt(0);\nexport function thread() { counter.value = 1; }',
    ],
    [
      'a top-level write (every thread runs it alike)',
      'let x = 0;\nx = 5;\nexport function thread() {}',
    ],
    ['a parameter of the same name', 'let n = 0;\nexport function thread(n) { n = n + 1; }'],
    ['a local of the same name', 'let n = 0;\nexport function thread() { let n = 1; n++; }'],
    [
      'a local in an inner block',
      'let n = 0;\nexport function thread() { if (true) { let n = 1; } n = 2; }',
    ],
    ['a catch parameter', 'let e = 0;\nexport function thread() { try {} catch (e) { e = 1; } }'],
    ['a read only', 'let limit = 3;\nexport function thread() { print(limit + 1); }'],
    ['a syntax error', 'let x = 0;\nexport function thread( { x = 1 }'],
  ])('marks nothing for %s', (_, source) => {
    expect(where(source)).toEqual([]);
  });

  it('sees a shadowing outer function’s local inside an inner arrow', () => {
    const source =
      'let n = 0;\nexport function thread() { let n = 0; [1].forEach(() => { n++; }); }';
    expect(where(source)).toEqual([]);
  });
});
