import { parse, type Node } from 'acorn';
import { sourcePosition } from './module-positions';

/** Where a problem is, in the learner's source (1-based). */
export type SourceError = { message: string; line?: number; column?: number };

/** A top-level `const x = …` (or let/var), with the source range of its initialiser. */
export type Declaration = {
  name: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
};

export type SourceInfo = { declarations: Declaration[] };

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

/** The declaration whose range contains a 1-based position, if any. */
export function declarationAt(
  info: SourceInfo,
  line: number,
  column: number,
): Declaration | undefined {
  return info.declarations.find(
    (d) =>
      (line > d.startLine || (line === d.startLine && column >= d.startColumn)) &&
      (line < d.endLine || (line === d.endLine && column <= d.endColumn)),
  );
}

/**
 * The first `url:line:column` frame of `stack` inside the module at `url`, as a position in the
 * learner's source (the module ran instrumented: src/runtime/instrument.ts).
 */
export function positionIn(
  stack: string | undefined,
  url: string,
): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? sourcePosition(url, Number(match[1]), Number(match[2])) : undefined;
}

/** An error as the report shows it: message, and the line in the learner's source when known. */
export function sourceErrorOf(error: unknown, url: string): SourceError {
  if (error instanceof Error) {
    const at = positionIn(error.stack, url);
    const message =
      error.name && !error.message.startsWith(error.name)
        ? `${error.name}: ${error.message}`
        : error.message;
    return { message, line: at?.line, column: at?.column };
  }
  return { message: `Uncaught ${String(error)}` };
}
