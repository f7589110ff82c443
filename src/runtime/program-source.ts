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
