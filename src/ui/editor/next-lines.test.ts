import { describe, expect, it } from 'vitest';
import { nextLineDecorations } from './next-lines';

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

  it('leaves out lines the program does not have, and reuses colours past the eighth thread', () => {
    const decorations = nextLineDecorations([next(8, 2), next(3, 0), next(4, 11)], 10, () => 1);
    expect(decorations.map((d) => d.options.className)).toEqual(['next-line next-line-t0']);
  });
});
