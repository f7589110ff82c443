// The explanations against what the screen can show: a learner reads them beside the timeline.
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { demoById, demos } from './catalogue';
import { FIRST_VISIT } from './topics';
import type { DemoDefinition } from './types';

const prose = (d: DemoDefinition): string =>
  [d.summary, d.explain.tryThis, d.explain.watch, d.explain.why, d.explain.fix ?? ''].join('\n');

/** Every number in the program, its knob defaults and its prose (a fix may add a timeout). */
function numbersOf(demo: DemoDefinition): Set<number> {
  const found = new Set<number>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: string; value?: unknown };
    if (n.type === 'Literal' && typeof n.value === 'number') found.add(n.value);
    for (const child of Object.values(node)) visit(child);
  };
  visit(parse(demo.source, { ecmaVersion: 'latest', sourceType: 'module' }));
  for (const knob of demo.knobs) if (typeof knob.default === 'number') found.add(knob.default);
  for (const m of prose(demo).matchAll(/\d+(\.\d+)?/g)) found.add(Number(m[0]));
  return found;
}

describe.each(demos.map((d) => [d.id, d] as const))('%s explanation', (_, demo) => {
  it('names no lane that does not exist (lanes are threads; holds are the bar under a lane)', () => {
    expect(prose(demo)).not.toMatch(
      /\bthe (lock|pool|semaphore|queue|event|condition|barrier|permit) lanes?\b/i,
    );
  });

  it('states no number of cores: the learner’s device has its own', () => {
    expect(prose(demo)).not.toMatch(/\b(one|two|three|four|six|eight|\d+)[ -]cores?\b/i);
  });

  it('times its Python like its program or its fix (seconds there, milliseconds here)', () => {
    const seconds = [
      ...demo.explain.python.matchAll(/(?:time\.sleep\(|timeout=|Timer\()(\d*\.?\d+)/g),
    ].map((m) => Number(m[1]));
    const numbers = numbersOf(demo);
    const missing = seconds.filter((s) => !numbers.has(Math.round(s * 1e6) / 1e3));
    expect(missing).toEqual([]);
  });
});

describe('the first-visit sentence', () => {
  it('uses only the numbers of the demo it opens (and their product)', () => {
    const demo = demoById(FIRST_VISIT.demo)!;
    const numbers = numbersOf(demo);
    const defaults = Object.fromEntries(demo.knobs.map((k) => [k.id, k.default]));
    numbers.add(Number(defaults.threads) * Number(defaults.iterations));
    const said = [...FIRST_VISIT.sentence.matchAll(/\d+/g)].map((m) => Number(m[0]));
    expect(said.filter((n) => !numbers.has(n))).toEqual([]);
    expect(FIRST_VISIT.sentence).toMatch(/\bfour threads\b/);
    expect(defaults.threads).toBe(4);
  });
});
