import { describe, expect, it } from 'vitest';
import { nextLineDecorations, threadColourVars } from './next-lines';

describe('nextLineDecorations', () => {
  const next = (thread: number, line: number) => ({
    thread,
    line,
    name: `T${thread}`,
    what: 'read counter',
  });

  it('one decoration per line, coloured by its first thread, naming every thread there', () => {
    const decorations = nextLineDecorations([next(0, 8), next(1, 8), next(2, 3)], 10, () => 20);
    expect(
      decorations.map((d) => [
        d.range.startLineNumber,
        d.options.className,
        d.options.after?.content,
      ]),
    ).toEqual([
      [8, 'next-line next-line-t0', '  ◀ T0, T1 next'],
      [3, 'next-line next-line-t2', '  ◀ T2 next'],
    ]);
    expect(decorations[0]?.range.endColumn).toBe(20);
  });

  it('leaves out lines the program does not have, and reuses colours past the ninth thread', () => {
    const decorations = nextLineDecorations([next(9, 2), next(3, 0), next(4, 11)], 10, () => 1);
    expect(decorations.map((d) => d.options.className)).toEqual(['next-line next-line-t0']);
  });
});

describe('threadColourVars', () => {
  it('defines a variable per colour class', () => {
    const vars = threadColourVars('dark') as Record<string, string>;
    expect(Object.keys(vars)).toContain('--thread-8');
    expect(vars['--thread-0']).toMatch(/^#[0-9a-f]{6}$/);
  });
});
