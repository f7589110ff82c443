import type { CDPSession, Page } from '@playwright/test';
import type { RunReport } from '../src/runtime/contract-types';
import { expect, test } from './fixtures';

// Programs are untrusted (they come from links). Each hostile program below must end in a
// report that says what happened, the page must keep answering while it runs, and the next run
// must start with its full capacity (64 threads) and its usual outcome.
//
// Everything goes through a CDP session: when a program kills its runner frame's process (a
// memory bomb), Playwright marks the whole page crashed and refuses page.evaluate, while the
// page's own renderer is still alive and answers CDP.

test.use({ consoleErrorsExpected: true });
test.describe.configure({ timeout: 150_000 });

type HostileCase = {
  name: string;
  code: string;
  outcome: RunReport['outcome'];
  /** What the report must say (in a thread's or the program's error, the check, or the output). */
  says: RegExp;
  /** The run lasts long enough to ask the page something while it goes. */
  long?: boolean;
  /** A program to run next whose output shows the hostile run left nothing behind. */
  next?: { code: string; prints: string };
};

const CASES: HostileCase[] = [
  {
    name: 'roles asking for 80 threads',
    code: 'export const roles = { producer: 40, consumer: 40 };\nexport function producer() {}\nexport function consumer() {}',
    outcome: 'error',
    says: /80 threads.*at most 64/,
  },
  {
    name: 'roles asking for ten million threads',
    code: 'export const roles = { w: 1e7 };\nexport function w() {}',
    outcome: 'error',
    says: /at most 64/,
  },
  {
    name: 'throwing Object.create(null) at the top level',
    code: 'throw Object.create(null);\nexport function thread() {}',
    outcome: 'error',
    says: /not an Error/,
  },
  {
    name: 'throwing Object.create(null) in check()',
    code: 'export function thread() {}\nexport function check() { throw Object.create(null); }',
    outcome: 'check-failed',
    says: /check\(\) threw .*not an Error/,
  },
  {
    name: 'a thrown object whose getters throw, while holding a lock',
    code: [
      'const lock = new Lock();',
      'export const threads = 2;',
      'export function thread(id) {',
      '  if (id === 0) {',
      '    lock.acquire();',
      "    throw new Proxy({}, { get() { throw new Error('no'); }, getPrototypeOf() { throw new Error('no'); } });",
      '  }',
      '  sleep(50);',
      '  lock.acquire();',
      '}',
    ].join('\n'),
    outcome: 'error',
    says: /abandoned/,
  },
  {
    name: 'a message listener that would answer the runtime',
    code: [
      "addEventListener('message', (e) => { try { e.ports[0]?.postMessage({ passed: true }); } catch {} });",
      'export function thread() {}',
    ].join('\n'),
    outcome: 'ok',
    says: /^$/,
    next: {
      code: 'export function thread() {}\nexport function check() { return "the check really failed"; }',
      prints: '',
    },
  },
  {
    name: 'changed globals and prototypes',
    code: [
      'globalThis.leak = 1;',
      'export function thread() {',
      '  globalThis.leak = 2;',
      "  try { Array.prototype.push = () => 0; } catch (e) { print('refused: ' + e.message); }",
      '}',
    ].join('\n'),
    outcome: 'ok',
    says: /refused: Cannot assign to read only property 'push'/,
    next: {
      code: 'export function thread() { print(typeof globalThis.leak, [1].push(2)); }',
      prints: 'undefined 2',
    },
  },
  {
    name: 'starting a worker of its own',
    code: "export function thread() { new Worker(URL.createObjectURL(new Blob(['for(;;);']))); }",
    outcome: 'error',
    says: /Worker is not available to thread programs/,
  },
  {
    name: 'closing its worker',
    code: 'export const threads = 2;\nexport function thread() { close(); }',
    outcome: 'error',
    says: /close is not available to thread programs/,
  },
  {
    name: "reaching the runtime's memory through a handle",
    code: 'const lock = new Lock();\nexport function thread() { lock.heap.i32[0] = 7; }',
    outcome: 'error',
    says: /Cannot read properties of undefined \(reading 'i32'\)/,
  },
  {
    name: 'huge shared arrays, caught, then a small one',
    code: [
      'export function thread() {',
      '  for (const n of [2 ** 29 - 100, 2 ** 29 - 100, 1e9]) {',
      '    try { new SharedArray(n); } catch (e) { print(e.message); }',
      '  }',
      '  const small = new SharedArray(10, 5);',
      "  print('small', small.length, small.get(9));",
      '}',
    ].join('\n'),
    outcome: 'ok',
    says: /^small 10 5$/,
  },
  {
    name: 'a thread argument larger than the run may pass',
    code: [
      'export function worker(text) { print(text.length); }',
      'export function main() {',
      "  try { new Thread(worker, 'x'.repeat(600_000)).start(); } catch (e) { print('refused'); }",
      "  const t = new Thread(worker, 'small'); t.start(); t.join();",
      "  print('still printing');",
      '}',
    ].join('\n'),
    outcome: 'ok',
    says: /^still printing$/,
  },
  {
    name: 'an infinite loop at the top level',
    code: 'while (true) {}\nexport function thread() {}',
    outcome: 'error',
    says: /top level ran longer than/,
    long: true,
  },
  {
    name: 'a memory bomb in a thread',
    code: 'export function thread() { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); }',
    outcome: 'error',
    says: /ran out of memory/,
    long: true,
  },
];

/** A program at full capacity whose outcome is known: 64 threads, a locked counter, a check. */
const FULL_CAPACITY = [
  'const lock = new Lock();',
  'const counter = new SharedInt(0);',
  'export const threads = 64;',
  'export function thread() { for (let i = 0; i < 50; i++) lock.with(() => { counter.value += 1; }); }',
  'export function check() { return counter.value === 64 * 50 || `got ${counter.value}`; }',
].join('\n');

/** Evaluates in the page's own renderer (answers even after the runner frame's process died). */
async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'evaluate');
  return result.value as T;
}

/** Starts `code` through window.interleave; the report lands in window.__hostileReport. */
function start(cdp: CDPSession, code: string): Promise<unknown> {
  return evaluate(
    cdp,
    `(() => {
      window.__hostileReport = null;
      window.interleave.load({ v: 1, demo: 'scratch', code: ${JSON.stringify(code)} });
      window.interleave.run().then((r) => (window.__hostileReport = r));
    })()`,
  );
}

async function report(cdp: CDPSession): Promise<RunReport> {
  await expect
    .poll(() => evaluate<RunReport | null>(cdp, 'window.__hostileReport'), { timeout: 120_000 })
    .not.toBeNull();
  return evaluate<RunReport>(cdp, 'window.__hostileReport');
}

async function run(cdp: CDPSession, code: string): Promise<RunReport> {
  await start(cdp, code);
  return report(cdp);
}

/** Every message a report carries, one per line: errors, the check, the output. */
function sayings(r: RunReport): string[] {
  return [
    ...r.threads.flatMap((t) => (t.error ? [t.error.message] : [])),
    ...(r.check?.message ? [r.check.message] : []),
    ...r.output.map((l) => l.text),
  ];
}

async function openCdp(page: Page, url: string): Promise<CDPSession> {
  await page.goto(url);
  await page.waitForFunction(() => window.interleave !== undefined);
  return page.context().newCDPSession(page);
}

for (const c of CASES) {
  test(`hostile: ${c.name}`, async ({ page, app }) => {
    const cdp = await openCdp(page, `${app.url}/`);
    await start(cdp, c.code);
    if (c.long) {
      // The page answers while the hostile run is still going.
      const answered = await evaluate<{ answer: number; pending: boolean }>(
        cdp,
        '({ answer: 6 * 7, pending: window.__hostileReport === null })',
      );
      expect(answered).toEqual({ answer: 42, pending: true });
    }
    const hostile = await report(cdp);
    expect(hostile.outcome).toBe(c.outcome);
    if (c.says.source !== '^$')
      expect(sayings(hostile)).toContainEqual(expect.stringMatching(c.says));

    if (c.next) {
      const next = await run(cdp, c.next.code);
      if (c.next.prints) expect(next.output.map((l) => l.text)).toEqual([c.next.prints]);
      else expect(next.outcome).toBe('check-failed');
    }
    const after = await run(cdp, FULL_CAPACITY);
    expect(after.outcome).toBe('ok');
    expect(after.threads).toHaveLength(64);
  });
}

const MEMORY_BOMB =
  'export function thread() { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); }';

/** Settles `call` (an expression giving a promise) into window.__hostileCall, either way. */
function settle(cdp: CDPSession, call: string): Promise<unknown> {
  return evaluate(
    cdp,
    `(() => {
      window.__hostileCall = null;
      ${call}.then(
        (value) => (window.__hostileCall = { value }),
        (error) => (window.__hostileCall = { rejected: String(error?.message ?? error) }),
      );
    })()`,
  );
}

async function settled<T>(cdp: CDPSession): Promise<{ value?: T; rejected?: string }> {
  await expect
    .poll(() => evaluate<unknown>(cdp, 'window.__hostileCall'), { timeout: 120_000 })
    .not.toBeNull();
  return evaluate(cdp, 'window.__hostileCall');
}

test('hostile: a memory bomb in a step run ends the step run with an error report', async ({
  page,
  app,
}) => {
  const cdp = await openCdp(page, `${app.url}/`);
  const state = { v: 1, demo: 'scratch', code: MEMORY_BOMB, mode: 'step' };
  await evaluate(cdp, `window.interleave.load(${JSON.stringify(state)})`);
  await settle(cdp, 'window.interleave.step(0)');
  const stepped = await settled<{ report?: RunReport }>(cdp);
  expect(stepped.value?.report?.outcome).toBe('error');
  expect(sayings(stepped.value?.report as RunReport)).toContainEqual(
    expect.stringMatching(/ran out of memory/),
  );
  await evaluate(cdp, `window.interleave.load({ v: 1, demo: 'scratch' })`);
  const after = await run(cdp, FULL_CAPACITY);
  expect(after.outcome).toBe('ok');
  expect(after.threads).toHaveLength(64);
});

// A search ends a step that runs longer than its limit (5 s) as a timeout, which is no failure, so
// the bomb is often ended before it kills the runner; when it does kill it, the search rejects.
test('hostile: a memory bomb during a search settles it, never claiming a failure', async ({
  page,
  app,
}) => {
  const cdp = await openCdp(page, `${app.url}/`);
  const state = { v: 1, demo: 'scratch', code: MEMORY_BOMB };
  await settle(cdp, `window.interleave.search(${JSON.stringify(state)}, { maxRuns: 3 })`);
  const searched = await settled<{ found: boolean }>(cdp);
  if (searched.rejected === undefined) expect(searched.value?.found).toBe(false);
  else expect(searched.rejected).toMatch(/ran out of memory/);
  const after = await run(cdp, FULL_CAPACITY);
  expect(after.outcome).toBe('ok');
  expect(after.threads).toHaveLength(64);
});
