import { describe, expect, it } from 'vitest';
import { attach, Heap, SharedInt } from '../../sync';
import { TraceRings } from '../../trace/ring';
import { programTextOf } from '../analyze-source';
import { runtimeBytesFor } from '../control';
import type { RunConfig } from '../run-config';
import { workerApi } from './worker-api';

// The worker API's init pass and check() on a real heap, in Node, which imports the program's
// data: URLs as a browser worker does. serve() runs threads: the e2e tests cover it.

/** A run's config as the runner makes it, its declarations read from the source. */
function configFor(source: string): RunConfig {
  const heap = Heap.create({ maxThreads: 4, runtimeBytes: runtimeBytesFor(4) });
  const text = programTextOf(source, false);
  if (!text.ok) throw new Error(`the runner would not start this program: ${text.error.message}`);
  return {
    heap: heap.buffer,
    rings: TraceRings.create(4, 64).buffer,
    source,
    declarations: text.declarations,
    params: { limit: 3 },
    gil: false,
    seed: 1,
    startEpochMs: Date.now(),
    workItersPerMs: 1,
    traceMask: 0,
  };
}

const names = (config: RunConfig) =>
  Heap.attach(config.heap)
    .objects()
    .map((o) => o.name);

describe('prepare (the init pass)', () => {
  it('allocates the top-level objects, named after their variables, and reads the SPMD form', async () => {
    const config = configFor(
      [
        'const counter = new SharedInt(7);',
        'const forks = [new Lock(), new Lock()];',
        "const door = new RLock({ name: 'front door' });",
        'export const threads = 3;',
        'export function thread(id) {}',
        'export function check() { return true; }',
      ].join('\n'),
    );
    const result = await workerApi.prepare(config);
    expect(result).toEqual({
      ok: true,
      info: {
        form: 'spmd',
        threads: 3,
        hasCheck: true,
        exports: expect.arrayContaining(['threads', 'thread', 'check']),
      },
    });
    expect(names(config)).toEqual(['counter', 'forks[0]', 'forks[1]', 'front door']);
    const counter = Heap.attach(config.heap).objects()[0];
    expect(attach(SharedInt, Heap.attach(config.heap), counter?.id ?? -1).value).toBe(7);
  });

  it('reads the Python form and roles', async () => {
    expect(await workerApi.prepare(configFor('export function main() {}'))).toMatchObject({
      ok: true,
      info: { form: 'python', hasCheck: false },
    });
    const roles =
      'export const roles = { producer: 1, consumer: 2 };\nexport function producer() {}\nexport function consumer() {}';
    expect(await workerApi.prepare(configFor(roles))).toMatchObject({
      ok: true,
      info: {
        form: 'spmd',
        roles: [
          { name: 'producer', count: 1 },
          { name: 'consumer', count: 2 },
        ],
      },
    });
  });

  it.each([
    ['export const threads = 2;', /starts no threads/, undefined],
    ['export const roles = { reader: 2 };', /exports no function 'reader'/, undefined],
    [
      'export const roles = { r: 1.5 };\nexport function r() {}',
      /whole number of threads, got 1.5/,
      undefined,
    ],
    ['const a = new Lock();\nnull.x;\nexport function main() {}', /^TypeError/, 2],
    ['export function main() {}\nthrow new Error("no");', /no/, 2],
  ])('says what is wrong with %j', async (source, message, line) => {
    const result = await workerApi.prepare(configFor(source));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(message);
    expect(result.error.line).toBe(line);
  });
});

describe('check', () => {
  const source = [
    'const counter = new SharedInt(0);',
    'export function main() {}',
    'export function check() {',
    '  if (counter.value < 0) throw new RangeError("negative");',
    '  return counter.value === params.limit || `expected ${params.limit}, got ${counter.value}`;',
    '}',
  ].join('\n');

  /** Prepares the program, sets the shared counter as threads would have, then checks. */
  async function checkWith(value: number) {
    const config = configFor(source);
    expect((await workerApi.prepare(config)).ok).toBe(true);
    attach(SharedInt, Heap.attach(config.heap), 0).value = value;
    return workerApi.check(config);
  }

  it('binds the same shared objects and passes when check() returns true', async () => {
    expect(await checkWith(3)).toEqual({ passed: true });
  });

  it("fails with check()'s own sentence", async () => {
    expect(await checkWith(2)).toEqual({ passed: false, message: 'expected 3, got 2' });
  });

  it('fails with the error and its line when check() throws', async () => {
    expect(await checkWith(-1)).toMatchObject({
      passed: false,
      message: 'check() threw RangeError: negative',
      error: { line: 4 },
    });
  });

  it('passes a program without check()', async () => {
    const config = configFor('export function main() {}');
    expect((await workerApi.prepare(config)).ok).toBe(true);
    expect(await workerApi.check(config)).toEqual({ passed: true });
  });
});
