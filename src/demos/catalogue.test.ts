import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { COMMON_DEFAULTS } from '../runtime/common-knobs';
import { demoById, demos } from './catalogue';
import type { DemoDefinition } from './types';

// The public ids (share links and course pages point at them): never rename or drop one.
const IDS = [
  'scratch',
  'race-counter',
  'check-then-act',
  'atomic-vs-lock',
  'rlock-reentry',
  'semaphore-pool',
  'rate-limited-client',
  'event-signal',
  'producer-consumer-condition',
  'bounded-buffer',
  'queue-pipeline',
  'barrier-phases',
  'deadlock',
  'lock-ordering',
  'lock-timeout',
  'dining-philosophers',
  'forgot-join',
  'daemon-threads',
  'thread-local',
  'timer-cancel',
  'thread-pool-scraper',
  'too-many-threads',
  'io-vs-cpu',
  'responsive-console',
  'starvation',
];

type AstNode = { type: string; [key: string]: unknown };

function programOf(demo: DemoDefinition): AstNode & { body: AstNode[] } {
  return parse(demo.source, {
    ecmaVersion: 'latest',
    sourceType: 'module',
  }) as unknown as AstNode & {
    body: AstNode[];
  };
}

/** Every node of the tree, depth first. */
function* nodesOf(node: unknown): Generator<AstNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodesOf(child);
    return;
  }
  if (typeof node !== 'object' || node === null || typeof (node as AstNode).type !== 'string')
    return;
  yield node as AstNode;
  for (const value of Object.values(node)) if (typeof value === 'object') yield* nodesOf(value);
}

const nameOf = (node: unknown): string | undefined =>
  (node as AstNode | undefined)?.type === 'Identifier'
    ? ((node as { name: string }).name as string)
    : undefined;

/** The names of exported functions, and the exported `roles` object's keys if there is one. */
function exportsOf(program: { body: AstNode[] }): { functions: Set<string>; roles: string[] } {
  const functions = new Set<string>();
  let roles: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration as AstNode | null;
    if (declaration?.type === 'FunctionDeclaration') {
      const name = nameOf(declaration.id);
      if (name) functions.add(name);
    }
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations as AstNode[]) {
        const init = d.init as AstNode | null;
        if (nameOf(d.id) === 'roles' && init?.type === 'ObjectExpression') {
          roles = (init.properties as AstNode[]).map((p) => nameOf(p.key) ?? '');
        }
      }
    }
  }
  return { functions, roles };
}

/** Functions handed to Thread, Timer or a ThreadPool by name: they must be exported. */
function targetsOf(program: AstNode): string[] {
  const pools = new Set<string>();
  for (const node of nodesOf(program)) {
    const init = node.init as AstNode | undefined;
    if (node.type === 'VariableDeclarator' && init?.type === 'NewExpression') {
      if (nameOf(init.callee) === 'ThreadPool') pools.add(nameOf(node.id) ?? '');
    }
  }
  const targets: string[] = [];
  for (const node of nodesOf(program)) {
    const args = (node.arguments ?? []) as AstNode[];
    const callee = node.callee as AstNode | undefined;
    if (node.type === 'NewExpression' && nameOf(callee) === 'Thread')
      targets.push(nameOf(args[0]) ?? '');
    if (node.type === 'NewExpression' && nameOf(callee) === 'Timer')
      targets.push(nameOf(args[1]) ?? '');
    if (
      node.type === 'CallExpression' &&
      callee?.type === 'MemberExpression' &&
      pools.has(nameOf(callee.object) ?? '') &&
      ['submit', 'map'].includes(nameOf(callee.property) ?? '')
    ) {
      targets.push(nameOf(args[0]) ?? '');
    }
  }
  return targets;
}

/** The knob ids a program reads as `params.<id>`. */
function paramsRead(program: AstNode): Set<string> {
  const read = new Set<string>();
  for (const node of nodesOf(program)) {
    if (node.type === 'MemberExpression' && nameOf(node.object) === 'params') {
      const id = nameOf(node.property);
      if (id) read.add(id);
    }
  }
  return read;
}

describe('the catalogue', () => {
  it('has exactly the public ids, each once', () => {
    const ids = demos.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...IDS].sort());
  });

  it('starts with scratch, a minimal program without knobs that runs clean', () => {
    expect(demos[0]?.id).toBe('scratch');
    expect(demoById('scratch')?.knobs).toEqual([]);
    expect(demoById('scratch')?.expect).toEqual({ default: 'ok' });
  });

  it('finds demos by id', () => {
    expect(demoById('deadlock')?.title).toMatch(/deadlock/i);
    expect(demoById('no-such-demo')).toBeUndefined();
  });
});

describe.each(demos.map((d) => [d.id, d] as const))('%s', (_id, demo) => {
  it('parses as an ES module', () => {
    expect(() => programOf(demo)).not.toThrow();
  });

  it('starts threads: exports thread, main, or a function per role', () => {
    const { functions, roles } = exportsOf(programOf(demo));
    const ok =
      functions.has('thread') ||
      functions.has('main') ||
      (roles.length > 0 && roles.every((r) => functions.has(r)));
    expect(ok).toBe(true);
  });

  it('hands only exported functions to threads, timers and pools', () => {
    const program = programOf(demo);
    const { functions } = exportsOf(program);
    for (const target of targetsOf(program)) expect(functions).toContain(target);
  });

  it('declares every knob its program reads (threads, gil and seed aside)', () => {
    const declared = new Set(demo.knobs.map((k) => k.id));
    for (const id of paramsRead(programOf(demo))) {
      // Only the common knobs with a default are always there: params.threads is guaranteed
      // only when the demo declares it as a knob.
      if (!Object.hasOwn(COMMON_DEFAULTS, id)) expect(declared, `params.${id}`).toContain(id);
    }
  });

  it('has unique knob ids with defaults inside their ranges', () => {
    const ids = demo.knobs.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const knob of demo.knobs) {
      if (knob.kind === 'number') {
        expect(knob.min).toBeLessThanOrEqual(knob.default);
        expect(knob.default).toBeLessThanOrEqual(knob.max);
      }
      if (knob.kind === 'choice') {
        expect(knob.options.map((o) => o.value)).toContain(knob.default);
      }
      expect(knob.label.trim()).not.toBe('');
    }
  });

  it('states its expected outcomes, with a boolean fix knob (off by default) for a bug', () => {
    const fix = demo.knobs.find((k) => k.id === 'fix');
    if (demo.expect.bug) {
      expect(demo.expect.fix).toBeDefined();
      expect(fix?.kind).toBe('boolean');
      expect(fix?.default).toBe(false);
    } else {
      expect(demo.expect.default).toBeDefined();
      expect(fix).toBeUndefined();
    }
  });

  it('explains itself under every heading', () => {
    const { tryThis, watch, why, python } = demo.explain;
    for (const text of [tryThis, watch, why, python, demo.title, demo.summary]) {
      expect(text.trim()).not.toBe('');
    }
    if (demo.expect.bug) expect(demo.explain.fix?.trim()).toBeTruthy();
    expect(demo.concepts.length).toBeGreaterThan(0);
  });

  it('varies only its own knobs or the GIL in the lab', () => {
    const knobs = new Set(demo.knobs.map((k) => k.id));
    for (const id of Object.keys(demo.lab?.vary ?? {})) {
      expect(id === 'gil' || knobs.has(id)).toBe(true);
    }
  });
});

describe('lab presets', () => {
  it.each(['io-vs-cpu', 'thread-pool-scraper', 'too-many-threads'])('%s has one', (id) => {
    const lab = demoById(id)?.lab;
    expect(lab?.threads.length).toBeGreaterThan(1);
    expect(lab?.threads.every((n) => n >= 1 && n <= 63)).toBe(true);
  });
});
