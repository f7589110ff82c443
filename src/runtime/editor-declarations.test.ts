import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { demos } from '../demos/catalogue';
import { Heap } from '../sync';
import { Control, runtimeBytesFor } from './control';
import { programGlobalsDts } from './editor-declarations';
import type { RunConfig } from './run-config';
import { programGlobals } from './worker/program-globals';
import { ThreadEnv } from './worker/thread-env';

// The editor's declarations are hand-kept beside the real globals. These tests hold the two
// together: every demo must type-check against the declarations as the editor sees them, and
// the names declared must be exactly the names a thread gets.

const DECLARATIONS = 'interleave-globals.d.ts';

/** The editor's compiler options (CodeEditor.tsx), with checking on for JavaScript. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.esnext.d.ts'],
  types: [],
  allowJs: true,
  checkJs: true,
  noEmit: true,
};

/**
 * Type errors of each program (a .js module) against the declarations, as text. One compiler
 * program holds them all: they are modules, so their top-level names never meet.
 */
function typeErrorsOf(sources: readonly string[]): string[][] {
  const names = sources.map((_, k) => `program-${k}.js`);
  const files = new Map([
    [DECLARATIONS, programGlobalsDts],
    ...names.map((n, k) => [n, sources[k] ?? ''] as const),
  ]);
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.getSourceFile = (name, version) => {
    const text = files.get(name);
    return text === undefined
      ? getSourceFile(name, version)
      : ts.createSourceFile(name, text, version, true);
  };
  const program = ts.createProgram([DECLARATIONS, ...names], OPTIONS, host);
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  return names.map((name) => {
    const file = program.getSourceFile(name);
    const diagnostics = [
      ...global,
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ];
    return diagnostics.map((d) => {
      const line =
        d.file && d.start !== undefined
          ? `${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
          : '';
      return `${line}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

/** The top-level names the declarations give a program (interfaces are types, not globals). */
function declaredGlobals(): string[] {
  const file = ts.createSourceFile(DECLARATIONS, programGlobalsDts, ts.ScriptTarget.ESNext);
  return file.statements.flatMap((statement) => {
    if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement))
      return statement.name ? [statement.name.text] : [];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.flatMap((d) =>
        ts.isIdentifier(d.name) ? [d.name.text] : [],
      );
    return [];
  });
}

/** The globals a real thread gets: a thread environment over a real heap, as a worker builds it. */
function runtimeGlobals(): string[] {
  const heap = Heap.create({ maxThreads: 4, runtimeBytes: runtimeBytesFor(4) });
  const config: RunConfig = {
    heap: heap.buffer,
    rings: new SharedArrayBuffer(0),
    source: '',
    declarations: [],
    params: {},
    gil: false,
    seed: 1,
    startEpochMs: 0,
    workItersPerMs: 1,
    traceMask: 0,
  };
  const sink = { mask: 0, emit: () => {}, emitThrough: () => {}, emitValue: () => {} };
  const env = new ThreadEnv(heap, new Control(heap), config, 0, 'main', sink, null);
  return Object.keys(programGlobals(env, config.params));
}

describe('the editor declarations', () => {
  const errors = typeErrorsOf(demos.map((demo) => demo.source));

  it.each(demos.map((demo, k) => [demo.id, errors[k]] as const))(
    'type-check the %s demo',
    (_id, demoErrors) => {
      expect(demoErrors).toEqual([]);
    },
  );

  it('catch a program that misuses a global', () => {
    const [misuse] = typeErrorsOf(['const l = new Lock();\nl.acquireNow();\nsleeep(1);\n']);
    expect(misuse).toEqual([
      expect.stringContaining("2: Property 'acquireNow' does not exist"),
      expect.stringContaining("3: Cannot find name 'sleeep'"),
    ]);
  });

  it('declare exactly the globals a thread gets at run time', () => {
    expect(declaredGlobals().sort()).toEqual(runtimeGlobals().sort());
  });
});
