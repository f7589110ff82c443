// `npm run bench`: serves the built app (dist/) with `vite preview` (which sends the isolation
// headers of vite.config.ts), opens /bench.html in headless Chromium, runs window.runBenchmarks(),
// adds the initial JS + CSS size, and prints ONE JSON object last on stdout (docs/budgets.md).
// Progress goes to stderr. The command exits 1 when a figure misses its budget (report-only figures
// always pass) or a measurement crashed, after printing every figure: CI reads the exit code, a
// reader the JSON. It is not part of `npm test`: speed depends on the machine, correctness does not.
//
//   node bench/run.mjs [only]   — `only`: comma-separated substrings of figure names to run;
//   BENCH_DIST=/tmp/x node bench/run.mjs serves another build than dist/.
import { fileURLToPath } from 'node:url';
import { launchChromium, serveBuild } from '../scripts/headless.mjs';
import { initialGzipKB } from '../scripts/size.mjs';
import {
  workbenchLongTasks,
  workbenchSearchLongTasks,
  workbenchSteppingLongTasks,
} from './workbench-long-tasks.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The build to serve: dist/ unless BENCH_DIST names another `vite build --outDir`. */
const dist = process.env.BENCH_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
const only = process.argv[2] ?? '';
const log = (message) => process.stderr.write(`${message}\n`);
/** Whether a figure is asked for: `only` names none, or one of its parts is in the name. */
const wanted = (name) => !only || only.split(',').some((part) => part && name.includes(part));

function sizeFigure() {
  let value;
  try {
    value = initialGzipKB(dist);
  } catch (error) {
    return { value: 0, unit: 'KB', budget: '< 200', pass: false, error: String(error) };
  }
  return {
    value,
    unit: 'KB',
    budget: '< 200',
    pass: value < 200,
    measures: 'JS + CSS that dist/index.html loads up front, gzip',
  };
}

async function main() {
  const started = Date.now();
  const server = await serveBuild({ root, outDir: dist });
  const { url } = server;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      const text = message.text();
      // The browser's own favicon request 404s: not worth a line.
      if (text.startsWith('[bench]') || (message.type() === 'error' && !text.includes('404')))
        log(text);
    });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${url}/bench.html`);
    await page.waitForFunction(() => typeof window.runBenchmarks === 'function');
    log(`[bench] Chromium ${browser.version()}, ${url}/bench.html`);
    const figures = await page.evaluate((filter) => window.runBenchmarks(filter), only);
    if (wanted('long-tasks-workbench-8-threads')) {
      log('[bench] long-tasks-workbench-8-threads');
      figures['long-tasks-workbench-8-threads'] = await workbenchLongTasks(browser, url);
    }
    if (wanted('long-tasks-workbench-stepping')) {
      log('[bench] long-tasks-workbench-stepping');
      figures['long-tasks-workbench-stepping'] = await workbenchSteppingLongTasks(browser, url);
    }
    if (wanted('long-tasks-workbench-search')) {
      log('[bench] long-tasks-workbench-search');
      figures['long-tasks-workbench-search'] = await workbenchSearchLongTasks(browser, url);
    }
    if (wanted('initial-js-css-gzip-kb')) {
      figures['initial-js-css-gzip-kb'] = sizeFigure();
    }
    log(`[bench] finished in ${Math.round((Date.now() - started) / 1000)} s`);
    const failing = Object.entries(figures).filter(([, f]) => !f.pass);
    for (const [name, f] of failing) log(`[bench] over budget: ${name} = ${f.value} (${f.budget})`);
    process.stdout.write(`${JSON.stringify({ figures }, null, 2)}\n`);
    if (failing.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  log(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
