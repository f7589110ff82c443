import { parse } from 'acorn';
import { TICK_HOOK, type Instrumented, type LineInsertion } from './position-map';

const CALL = `${TICK_HOOK}();`;

/**
 * Pure JavaScript never calls the runtime, so without help a learner's `while (true) {}` would
 * keep the GIL forever. Like CPython's eval loop, which checks for a drop request at backward jumps
 * and calls, this inserts a call to {@link TICK_HOOK} at the start of every loop body (each
 * iteration passes there, whatever `continue` does) and at every function entry.
 *
 * Insertions never contain a line break, so every line number stays the learner's; columns after
 * an insertion shift, and `originalPosition` (./position-map.ts) shifts them back. A program that does not parse
 * is returned as it is, so its syntax error is reported where it is.
 */
export function instrumentSource(source: string): Instrumented {
  let program: AstNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AstNode;
  } catch {
    return { code: source, map: new Map() };
  }
  const insertions: Insertion[] = [];
  visit(program, 0, insertions);
  return apply(source, insertions);
}

type AstNode = { type: string; start: number; end: number; [key: string]: unknown };

/**
 * Openers go before a node, closers after one. At one offset closers come first (they end an
 * earlier node), inner closers before outer ones, outer openers before inner ones.
 */
type Insertion = { at: number; text: string; closer: boolean; depth: number };

const LOOPS = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
]);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function visit(node: AstNode, depth: number, out: Insertion[]): void {
  const body = node.body as AstNode | undefined;
  if (LOOPS.has(node.type) && body) {
    if (body.type === 'BlockStatement') out.push(opener(body.start + 1, CALL, depth));
    else {
      out.push(opener(body.start, `{${CALL}`, depth));
      out.push({ at: body.end, text: '}', closer: true, depth });
    }
  } else if (FUNCTIONS.has(node.type) && body) {
    if (body.type === 'BlockStatement') out.push(opener(body.start + 1, CALL, depth));
    else {
      // An arrow's expression body: `x => (tick(), x)`, still one expression.
      out.push(opener(body.start, `(${TICK_HOOK}(), `, depth));
      out.push({ at: body.end, text: ')', closer: true, depth });
    }
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, depth + 1, out);
    } else if (isNode(value)) visit(value, depth + 1, out);
  }
}

function opener(at: number, text: string, depth: number): Insertion {
  return { at, text, closer: false, depth };
}

function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AstNode).type === 'string' &&
    typeof (value as AstNode).start === 'number'
  );
}

function apply(source: string, insertions: Insertion[]): Instrumented {
  insertions.sort(
    (a, b) =>
      a.at - b.at ||
      Number(b.closer) - Number(a.closer) ||
      (a.closer ? b.depth - a.depth : a.depth - b.depth),
  );
  const map = new Map<number, LineInsertion[]>();
  let code = '';
  let copied = 0;
  let line = 1;
  let lineStart = 0;
  // Characters inserted so far on the current line.
  let added = 0;
  for (const insertion of insertions) {
    for (let i = copied; i < insertion.at; i++) {
      if (isLineBreak(source, i)) {
        line++;
        lineStart = i + 1;
        added = 0;
      }
    }
    code += source.slice(copied, insertion.at) + insertion.text;
    copied = insertion.at;
    const column = insertion.at - lineStart + added;
    map.set(line, [...(map.get(line) ?? []), { column, length: insertion.text.length }]);
    added += insertion.text.length;
  }
  return { code: code + source.slice(copied), map };
}

/** JavaScript's line terminators, as V8 counts lines in stack traces (`\r\n` once). */
function isLineBreak(source: string, i: number): boolean {
  const c = source.charCodeAt(i);
  return c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && source.charCodeAt(i + 1) !== 10);
}
