import { describe, expect, it } from 'vitest';
import { instrumentSource } from './instrument';
import { originalPosition, TICK_HOOK } from './position-map';

/** Runs instrumented code with a counting hook; returns the ticks and the value it left in `out`. */
function run(source: string): { ticks: number; result: unknown } {
  let ticks = 0;
  const { code } = instrumentSource(`let out;\n${source}`);
  const result: unknown = new Function(TICK_HOOK, `${code}\nreturn out;`)(() => ticks++);
  return { ticks, result };
}

/** The 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe('instrumentSource', () => {
  it.each([
    [
      'a for loop ticks once per iteration',
      'let x = 0; for (let i = 0; i < 5; i++) x += i; out = x;',
      5,
      10,
    ],
    ['while with a block', 'let i = 0; while (i < 3) { i++; } out = i;', 3, 3],
    ['do-while', 'let i = 0; do i++; while (i < 4); out = i;', 4, 4],
    [
      'for-of and for-in',
      'let n = 0; for (const v of [1, 2]) n += v; for (const k in { a: 1 }) n++; out = n;',
      3,
      4,
    ],
    [
      'continue still passes the back-edge',
      'let n = 0; for (let i = 0; i < 6; i++) { if (i % 2) continue; n++; } out = n;',
      6,
      3,
    ],
    ['an empty loop body', 'let i = 0; for (; i < 7; i++); out = i;', 7, 7],
    [
      'function entries, arrows with expression bodies too',
      'function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); } const g = (x) => ({ x }); out = f(4) + g(1).x;',
      10,
      4,
    ],
    [
      'methods and nested loops',
      'class C { m() { let n = 0; for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) n++; return n; } } out = new C().m();',
      1 + 2 + 6,
      6,
    ],
  ])('%s', (_name, source, ticks, result) => {
    expect(run(source)).toEqual({ ticks, result });
  });

  it('keeps every line where it was', () => {
    const source =
      'export function thread() {\n  while (true)\n    x++\n  return () =>\n    1;\n}\r\nlet y = 1;\u2028z();';
    const { code } = instrumentSource(source);
    expect(code.split(/\r\n|[\n\r\u2028\u2029]/).length).toBe(
      source.split(/\r\n|[\n\r\u2028\u2029]/).length,
    );
    expect(positionOf(code, 'return ()').line).toBe(4);
  });

  it('maps a column after insertions on the same line back to the source', () => {
    const source = 'export const f = () => 1;\nfor (;;) { g(() => 2); boom(); }';
    const { code, map } = instrumentSource(source);
    const at = positionOf(code, 'boom');
    expect(at.column).toBeGreaterThan(positionOf(source, 'boom').column);
    expect(originalPosition(map, at.line, at.column)).toEqual(positionOf(source, 'boom'));
    expect(originalPosition(map, 1, positionOf(code, '1)').column)).toEqual(
      positionOf(source, '1;'),
    );
  });

  it('maps a position inside an inserted call to where it was inserted', () => {
    const source = 'while (a) b();';
    const { code, map } = instrumentSource(source);
    expect(code).toBe(`while (a) {${TICK_HOOK}();b();}`);
    const hook = positionOf(code, TICK_HOOK);
    expect(originalPosition(map, hook.line, hook.column)).toEqual(positionOf(source, 'b()'));
  });

  it('leaves a program that does not parse as it is', () => {
    expect(instrumentSource('let = ;').code).toBe('let = ;');
  });
});
