import { parse, type Node } from 'acorn';
import { instrumentSource } from './instrument';
import type { Instrumented } from './position-map';
import type { Declaration, SourceError, SourceInfo } from './program-source';

// The runner reads a program's text here, once per run, before any worker sees it: workers then
// never load the parser (a third of their bundle), and a program that does not parse ends its run
// without one.

type Loc = { start: { line: number; column: number }; end: { line: number; column: number } };
type Declarator = { id: { type: string; name?: string }; loc?: Loc | null };
type Statement = Node & { declaration?: Statement | null; declarations?: Declarator[] };

/**
 * Parses a program to report syntax errors at their line and to find top-level declarations,
 * whose names become the names of the shared objects they create.
 */
export function analyzeSource(
  source: string,
): { ok: true; info: SourceInfo } | { ok: false; error: SourceError } {
  let program: { body: Statement[] };
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
    }) as unknown as {
      body: Statement[];
    };
  } catch (error) {
    const python = pythonLineOf(source);
    if (python) return { ok: false, error: pythonError(python) };
    const e = error as SyntaxError & { loc?: { line: number; column: number } };
    return {
      ok: false,
      error: {
        message: `SyntaxError: ${e.message.replace(/\s*\(\d+:\d+\)$/, '')}`,
        line: e.loc?.line,
        column: e.loc ? e.loc.column + 1 : undefined,
      },
    };
  }
  const declarations: Declaration[] = [];
  for (const statement of program.body) {
    const decl = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (decl?.type !== 'VariableDeclaration') continue;
    for (const d of decl.declarations ?? []) {
      if (d.id.type !== 'Identifier' || !d.id.name || !d.loc) continue;
      declarations.push({
        name: d.id.name,
        startLine: d.loc.start.line,
        startColumn: d.loc.start.column + 1,
        endLine: d.loc.end.line,
        endColumn: d.loc.end.column + 1,
      });
    }
  }
  return { ok: true, info: { declarations } };
}

// Lines only Python writes: JavaScript would not parse them either way, so a false alarm is a
// syntax error explained in the wrong language, never a running program refused.
const PYTHON_LINES: readonly RegExp[] = [
  /^\s*(async\s+)?def\s+\w+\s*\(.*\)\s*(->.*)?:\s*(#.*)?$/,
  /^\s*class\s+\w+(\(.*\))?\s*:\s*(#.*)?$/,
  /^\s*import\s+[\w.]+(\s+as\s+\w+)?(\s*,\s*[\w.]+(\s+as\s+\w+)?)*\s*(#.*)?$/,
  /^\s*from\s+[\w.]+\s+import\s+[\w*(]/,
  /^\s*if\s+__name__\s*==/,
  /^\s*(with|for|while|if|elif|else|try|except|finally)\b[^{;]*:\s*(#.*)?$/,
];

/** The first line of `source` that only Python would write, with its 1-based number. */
export function pythonLineOf(source: string): { line: number; text: string } | undefined {
  const lines = source.split(/\r?\n/);
  const index = lines.findIndex((text) => PYTHON_LINES.some((pattern) => pattern.test(text)));
  return index < 0 ? undefined : { line: index + 1, text: (lines[index] ?? '').trim() };
}

const pythonError = ({ line, text }: { line: number; text: string }): SourceError => ({
  message: `This looks like Python (line ${line}: "${text}"), but programs here are JavaScript. The demo's "In Python" panel shows the Python beside each demo; docs/programs.md shows how a Python program reads in JavaScript.`,
  line,
  column: 1,
});

/** What a run needs to know of its program's text before a worker evaluates it. */
export type ProgramText =
  | {
      ok: true;
      declarations: Declaration[];
      /** The source with the GIL's checks (./instrument.ts), when the GIL is on. */
      instrumented?: Instrumented;
    }
  | { ok: false; error: SourceError };

// A search runs one program thousands of times: read its text once.
let last: { source: string; gil: boolean; text: ProgramText } | null = null;

/** The program's declarations (or its syntax error) and, with the GIL, its instrumented code. */
export function programTextOf(source: string, gil: boolean): ProgramText {
  if (last?.source === source && last.gil === gil) return last.text;
  const analysis = analyzeSource(source);
  const text: ProgramText = !analysis.ok
    ? analysis
    : gil
      ? {
          ok: true,
          declarations: analysis.info.declarations,
          instrumented: instrumentSource(source),
        }
      : { ok: true, declarations: analysis.info.declarations };
  last = { source, gil, text };
  return text;
}
