import { describe, expect, it } from 'vitest';
import { nextLineDecorations } from './next-lines';

describe('nextLineDecorations', () => {
  const next = (thread: number, line: number) => ({
    thread,
    line,
    name: `T${thread}`,
    what: 'read counter',
  });

  it('per line: a tint in its first thread’s colour, and a tag naming every thread there', () => {
    const decorations = nextLineDecorations([next(0, 8), next(1, 8), next(2, 3)], 10, () => 5);
    expect(
      decorations.map((d) => [
        d.range.startLineNumber,
        d.range.startColumn,
        d.options.className ?? d.options.before?.inlineClassName,
        d.options.before?.content,
      ]),
    ).toEqual([
      [8, 1, 'next-line next-line-t0', undefined],
      [8, 5, 'next-line-label next-line-t0', 'T0 T1 ▸'],
      [3, 1, 'next-line next-line-t2', undefined],
      [3, 5, 'next-line-label next-line-t2', 'T2 ▸'],
    ]);
    expect(decorations[0]?.options.hoverMessage).toEqual([
      { value: 'T0 next: read counter' },
      { value: 'T1 next: read counter' },
    ]);
  });

  it('leaves out lines the program does not have, and reuses colours past the eighth thread', () => {
    const decorations = nextLineDecorations([next(8, 2), next(3, 0), next(4, 11)], 10, () => 1);
    expect(decorations.map((d) => d.options.className).filter(Boolean)).toEqual([
      'next-line next-line-t0',
    ]);
  });
});
