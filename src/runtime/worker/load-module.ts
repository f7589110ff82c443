import type { ObjectKind } from '../../sync';
import { type Heap } from '../../sync';
import { rememberPositions } from '../module-positions';
import { declarationAt, positionIn, type SourceInfo } from '../program-source';
import type { RunConfig } from '../run-config';
import { ticking } from './tick';

/** Counts this worker's evaluations: each gets its own module name (a fresh module instance). */
let evaluations = 0;

/**
 * Evaluates the program as a fresh ES module: each evaluation is imported from its own `data:`
 * URL, so every thread runs the top level anew (binding the same shared objects). A `data:` URL
 * is decoded in the worker itself, where a `blob:` URL costs two trips to the browser process
 * (register, then fetch): several milliseconds per thread on a busy machine, the largest part of
 * an empty run. The module names itself with a `sourceURL` comment (appended after the last line,
 * so line numbers stay the learner's), and stack traces show that short name, not the URL.
 *
 * While the thread's env has a tick handler (the GIL is on), the module is the source with checks
 * at loop back-edges and function entries, made by the runner (../instrument.ts): line numbers
 * stay the learner's, and `positionIn` maps columns back.
 */
export async function evaluateProgram(
  program: Pick<RunConfig, 'source' | 'instrumented'>,
  globals: Record<string, unknown>,
  onUrl?: (url: string) => void,
): Promise<{ exports: Record<string, unknown>; url: string }> {
  Object.assign(globalThis, globals);
  const { code, map } =
    ticking() && program.instrumented ? program.instrumented : { code: program.source, map: null };
  const name = `interleave-program-${++evaluations}.js`;
  if (map) rememberPositions(name, map);
  onUrl?.(name);
  const text = `${code}\n//# sourceURL=${name}`;
  const url = `data:text/javascript;charset=utf-8,${encodeURIComponent(text)}`;
  const exports = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  return { exports: { ...exports }, url: name };
}

/**
 * Names top-level objects after their variables: each allocation's call site (read from a stack
 * trace, only during the init pass) falls inside one declaration. {@link disambiguateNames} then
 * turns several objects from one declaration into `name[0]`, `name[1]` ….
 */
export function createNamer(
  info: SourceInfo,
  urlOf: () => string,
): (kind: ObjectKind) => string | undefined {
  return () => {
    const at = positionIn(new Error().stack, urlOf());
    return (at && declarationAt(info, at.line, at.column))?.name;
  };
}

/** After the init pass: objects sharing a name (one declaration made several) become `name[k]`. */
export function disambiguateNames(heap: Heap): void {
  const byName = new Map<string, number[]>();
  for (const { id, name } of heap.objects()) byName.set(name, [...(byName.get(name) ?? []), id]);
  for (const [name, ids] of byName) {
    if (ids.length > 1) ids.forEach((id, k) => heap.rename(id, `${name}[${k}]`));
  }
}
