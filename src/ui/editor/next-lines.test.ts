import { describe, expect, it } from 'vitest';
import { nextLineDecorations } from './next-lines';

describe('nextLineDecorations', () => {
  const next = (thread: number, line: number) => ({
    thread,
    line,
    name: `T${thread}`,
    what: 'read counter',
  });

  it('per line: a tint in its first thread’s colour, and a tag per thread where the code starts', () => {
    const decorations = nextLineDecorations([next(0, 8), next(1, 8), next(2, 3)], 10, () => 5);
    expect(
      decorations.map((d) => [
        d.range.startLineNumber,
        d.range.startColumn,
        d.options.className ?? d.options.beforeContentClassName,
      ]),
    ).toEqual([
      [8, 1, 'next-line next-line-t0'],
      [8, 5, 'next-line-tag next-line-t0 next-line-tag-0'],
      [8, 5, 'next-line-tag next-line-t1 next-line-tag-1'],
      [3, 1, 'next-line next-line-t2'],
      [3, 5, 'next-line-tag next-line-t2 next-line-tag-2'],
    ]);
    expect(decorations[0]?.options.hoverMessage).toEqual([
      { value: 'T0 next: read counter' },
      { value: 'T1 next: read counter' },
    ]);
  });

  it('leaves out lines the program does not have; past T8 colours repeat and tags go unnamed', () => {
    const decorations = nextLineDecorations([next(9, 2), next(3, 0), next(4, 11)], 10, () => 1);
    expect(decorations.map((d) => d.options.className ?? d.options.beforeContentClassName)).toEqual(
      ['next-line next-line-t1', 'next-line-tag next-line-t1'],
    );
  });
});
