import type * as monacoNs from 'monaco-esm/editor/editor.api.js';

/** Thread colours theme.css defines (`--thread-0` …, the output console's too); later ids reuse them. */
const THREAD_COLOURS = 8;

/** A thread's next line in step mode, and what it will do there ("read counter"). */
export type NextLine = { line: number; thread: number; name: string; what: string };

const colourClass = (thread: number) => `next-line-t${thread % THREAD_COLOURS}`;

/**
 * One decoration per line that some thread runs next: the line tinted and barred in the first
 * thread's colour, like a cursor, with the threads' names written after it ("◀ T0, T1 next"), so
 * colour is never the only cue. `maxColumn` is the line's end, where the label goes.
 */
export function nextLineDecorations(
  lines: readonly NextLine[],
  lineCount: number,
  maxColumn: (line: number) => number,
): monacoNs.editor.IModelDeltaDecoration[] {
  const byLine = new Map<number, NextLine[]>();
  for (const next of lines) {
    if (next.line < 1 || next.line > lineCount) continue;
    byLine.set(next.line, [...(byLine.get(next.line) ?? []), next]);
  }
  return [...byLine].map(([line, here]) => {
    const first = here[0] as NextLine;
    const names = here.map((n) => n.name).join(', ');
    return {
      range: {
        startLineNumber: line,
        startColumn: 1,
        endLineNumber: line,
        endColumn: maxColumn(line),
      },
      options: {
        isWholeLine: true,
        className: `next-line ${colourClass(first.thread)}`,
        linesDecorationsClassName: `next-line-bar ${colourClass(first.thread)}`,
        hoverMessage: here.map((n) => ({ value: `${n.name} next: ${n.what}` })),
        after: {
          content: `  ◀ ${names} next`,
          inlineClassName: `next-line-label ${colourClass(first.thread)}`,
        },
      },
    };
  });
}
