// Assignments that look shared but are not. Every thread evaluates the program's top level in its
// own worker (docs/programs.md), so a top-level `let counter = 0` is one copy per thread: a thread
// function that assigns it changes only its own copy, and a learner coming from Python (where
// module globals are shared) sees "expected 4000, got 0" with no hint. This finds those writes so
// the editor can mark them.
import { parse } from 'acorn';

/** A write to a per-thread copy, at the assigned name (1-based lines and columns). */
export type CopyWrite = {
  name: string;
  line: number;
  column: number;
  endColumn: number;
  message: string;
};

type Position = { line: number; column: number };
type AstNode = {
  type: string;
  loc?: { start: Position; end: Position } | null;
  [key: string]: unknown;
};

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The node's child nodes, in source order. */
function childrenOf(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/** The names a binding pattern (`x`, `{ a, b: [c] }`, `...rest`, `d = 1`) declares. */
function namesOfPattern(pattern: unknown, into: Set<string>): void {
  if (!isNode(pattern)) return;
  if (pattern.type === 'Identifier') into.add(pattern.name as string);
  else if (pattern.type === 'Property') namesOfPattern(pattern.value, into);
  else if (pattern.type === 'AssignmentPattern') namesOfPattern(pattern.left, into);
  else if (pattern.type === 'RestElement') namesOfPattern(pattern.argument, into);
  else for (const child of childrenOf(pattern)) namesOfPattern(child, into);
}

/**
 * Names a function declares anywhere in its own body (parameters, variables, inner functions,
 * catch parameters), nested functions excluded. Block scopes are widened to the whole function:
 * a name declared in any block shadows the top-level one everywhere in it, so a warning is never
 * wrong, at worst missing.
 */
function localsOf(fn: AstNode): Set<string> {
  const names = new Set<string>();
  for (const param of (fn.params as unknown[]) ?? []) namesOfPattern(param, names);
  const visit = (node: AstNode) => {
    if (node.type === 'VariableDeclarator') namesOfPattern(node.id, names);
    if (node.type === 'CatchClause') namesOfPattern(node.param, names);
    if (FUNCTIONS.has(node.type)) {
      if (node.type === 'FunctionDeclaration' && isNode(node.id)) names.add(node.id.name as string);
      return;
    }
    for (const child of childrenOf(node)) visit(child);
  };
  if (isNode(fn.body)) visit(fn.body);
  return names;
}

/** Top-level `let` and `var` names: plain values, one copy per thread. */
function topLevelVariables(body: AstNode[]): Set<string> {
  const names = new Set<string>();
  for (const statement of body) {
    const decl = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!isNode(decl) || decl.type !== 'VariableDeclaration' || decl.kind === 'const') continue;
    for (const d of (decl.declarations as AstNode[]) ?? []) namesOfPattern(d.id, names);
  }
  return names;
}

const messageFor = (name: string): string =>
  `${name} is not shared: each thread has its own copy; use SharedInt to share (docs/programs.md).`;

/**
 * Writes, inside functions, to top-level `let`/`var` variables that the function does not shadow:
 * assignments (`counter = …`, `counter += 1`) and updates (`counter++`). An empty list when the
 * source does not parse (the run reports the syntax error).
 */
export function perThreadCopyWritesOf(source: string): CopyWrite[] {
  let program: AstNode;
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
    }) as unknown as AstNode;
  } catch {
    return [];
  }
  const body = (program.body as AstNode[]) ?? [];
  const shared = topLevelVariables(body);
  if (shared.size === 0) return [];
  const writes: CopyWrite[] = [];
  const record = (target: unknown, hidden: ReadonlySet<string>) => {
    if (!isNode(target) || target.type !== 'Identifier' || !target.loc) return;
    const name = target.name as string;
    if (!shared.has(name) || hidden.has(name)) return;
    writes.push({
      name,
      line: target.loc.start.line,
      column: target.loc.start.column + 1,
      endColumn: target.loc.end.column + 1,
      message: messageFor(name),
    });
  };
  const visit = (node: AstNode, hidden: ReadonlySet<string> | null) => {
    let inner = hidden;
    if (FUNCTIONS.has(node.type)) inner = new Set([...(hidden ?? []), ...localsOf(node)]);
    if (inner !== null && node.type === 'AssignmentExpression') record(node.left, inner);
    if (inner !== null && node.type === 'UpdateExpression') record(node.argument, inner);
    for (const child of childrenOf(node)) visit(child, inner);
  };
  for (const statement of body) visit(statement, null);
  return writes;
}
