import type * as monacoNs from 'monaco-esm/editor/editor.api.js';

/** Thread colours theme.css defines (`--thread-0` …, the output console's too); later ids reuse them. */
const THREAD_COLOURS = 8;

/** A thread's next line in step mode, and what it will do there ("read counter"). */
export type NextLine = { line: number; thread: number; name: string; what: string };

const colourClass = (thread: number) => `next-line-t${thread % THREAD_COLOURS}`;

/** Threads whose tag names them ("T0 ▸" … "T8 ▸", the ones keys 1–9 step); later ones show "▸". */
const NAMED_TAGS = 9;
const tagClass = (thread: number) =>
  `next-line-tag ${colourClass(thread)}${thread < NAMED_TAGS ? ` next-line-tag-${thread}` : ''}`;

/**
 * For each line that some thread runs next: the line tinted and barred in the first thread's
 * colour, and per thread a tag like a collaborator's cursor ("T0 ▸") just before the line's code,
 * so colour is never the only cue and a long line never hides it; hovering names each thread and
 * its operation. `firstColumn` is where the line's code starts. The tags are CSS content, not
 * injected text: injected text reflows Monaco's view model, too slow to redo at every step.
 */
export function nextLineDecorations(
  lines: readonly NextLine[],
  lineCount: number,
  firstColumn: (line: number) => number,
): monacoNs.editor.IModelDeltaDecoration[] {
  const byLine = new Map<number, NextLine[]>();
  for (const next of lines) {
    if (next.line < 1 || next.line > lineCount) continue;
    byLine.set(next.line, [...(byLine.get(next.line) ?? []), next]);
  }
  return [...byLine].flatMap(([line, here]) => {
    const first = here[0] as NextLine;
    const colour = colourClass(first.thread);
    const column = firstColumn(line);
    const at = { startLineNumber: line, endLineNumber: line };
    return [
      {
        range: { ...at, startColumn: 1, endColumn: 1 },
        options: {
          isWholeLine: true,
          className: `next-line ${colour}`,
          linesDecorationsClassName: `next-line-bar ${colour}`,
          hoverMessage: here.map((n) => ({ value: `${n.name} next: ${n.what}` })),
        },
      },
      ...here.map((n) => ({
        range: { ...at, startColumn: column, endColumn: column },
        options: { beforeContentClassName: tagClass(n.thread) },
      })),
    ];
  });
}
