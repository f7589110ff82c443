import { describe, expect, it } from 'vitest';
import { analyzeSource, declarationAt, positionIn } from './program-source';

const program = [
  'const lockA = new Lock();',
  'export const forks = Array.from({ length: 3 }, () =>',
  '  new Lock());',
  'let x = 1, y = new SharedInt(0);',
  'export function thread() {}',
].join('\n');

describe('analyzeSource', () => {
  it('finds top-level declarations, exported or not, with their ranges', () => {
    const result = analyzeSource(program);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.info.declarations.map((d) => d.name)).toEqual(['lockA', 'forks', 'x', 'y']);
    expect(result.info.declarations[1]).toMatchObject({ startLine: 2, endLine: 3 });
  });

  it.each([
    ['let = ;', 1],
    ['const a = 1;\nconst b = ;', 2],
    ['export const threads = 1;\nexport function thread() {\n  let = ;\n}', 3],
  ])('reports a syntax error at its line: %j', (source, line) => {
    const result = analyzeSource(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(line);
    expect(result.error.message).toMatch(/^SyntaxError: /);
  });
});

describe('declarationAt', () => {
  const result = analyzeSource(program);
  const info = result.ok ? result.info : { declarations: [] };
  it.each([
    [1, 17, 'lockA'],
    [3, 3, 'forks'],
    [4, 14, 'y'],
    [4, 5, 'x'],
    [5, 1, undefined],
  ])('line %i column %i is in %s', (line, column, name) => {
    expect(declarationAt(info, line, column)?.name).toBe(name);
  });
});

describe('positions from stack traces', () => {
  const url = 'blob:http://127.0.0.1:4173/5f1c-aa';
  it('takes the first frame inside the program module', () => {
    const stack = `Error: boom\n    at lib (http://127.0.0.1:4173/assets/worker.js:1:999)\n    at helper (${url}:7:9)\n    at thread (${url}:4:3)`;
    expect(positionIn(stack, url)).toEqual({ line: 7, column: 9 });
  });
});
