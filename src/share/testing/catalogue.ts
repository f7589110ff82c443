import type { DemoDefaults, DemoLookup } from '../state-fields';

/**
 * A stand-in catalogue for the share tests. Its sources and defaults are frozen: the v1 link
 * fixtures were encoded against them.
 */
const DEMOS: Record<string, DemoDefaults> = {
  scratch: {
    source: 'export function thread(id) {\n  print(`hello from ${id}`);\n}\n',
    params: {},
  },
  race: {
    source:
      'const n = new SharedInt(0);\nexport const threads = 4;\nexport function thread() { n.value++; }\n',
    params: { threads: 4, gil: false, seed: 1, fix: false, iterations: 1000, flavour: 'plain' },
  },
  /** A demo whose number knobs declare ranges, as every catalogue demo's do. */
  bounded: {
    source: 'export function thread() {}\n',
    params: { threads: 4, iterations: 20 },
    ranges: { threads: { min: 1, max: 16 }, iterations: { min: 1, max: 200 } },
  },
};

/** Looks a demo up in the stand-in catalogue. */
export const testLookup: DemoLookup = (demoId) =>
  Object.hasOwn(DEMOS, demoId) ? DEMOS[demoId] : undefined;

/** The stand-in race demo's program, for tests that put it back as `code`. */
export const RACE_SOURCE = DEMOS.race?.source ?? '';
