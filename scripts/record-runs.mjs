// `npm run record`: records a real run of every demo for the recorded-run fallback (browsers that
// withhold shared memory replay these instead of running threads). Serves the built app (dist/)
// with `vite preview`, opens it with `?record=1` in headless Chromium, runs each demo through
// window.interleave, and writes what window.__interleaveRecord() returns to
// public/recorded/<demo-id>.json. Commit the files: static hosts ship them as they are.
//
//   node scripts/record-runs.mjs [ids]   — `ids`: comma-separated demo ids (default: all).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveBuild } from './headless.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../public/recorded/', import.meta.url));
const only = (process.argv[2] ?? '').split(',').filter(Boolean);
const log = (message) => process.stderr.write(`${message}\n`);

/** Runs one demo with its default knobs in the page; resolves with its recording. */
async function record(page, id) {
  return page.evaluate(async (demo) => {
    const api = window.interleave;
    api.load({ v: 1, demo });
    await api.run();
    return window.__interleaveRecord();
  }, id);
}

async function main() {
  const server = await serveBuild({ root });
  const { url } = server;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${url}/?record=1`);
    await page.waitForFunction(() => window.interleave && window.__interleaveRecord);
    const ids = (await page.evaluate(() => window.interleave.demos().map((d) => d.id))).filter(
      (id) => only.length === 0 || only.includes(id),
    );
    await mkdir(outDir, { recursive: true });
    for (const id of ids) {
      const recording = await record(page, id);
      if (!recording) throw new Error(`${id}: the run left no recording`);
      const json = JSON.stringify(recording);
      await writeFile(`${outDir}${id}.json`, `${json}\n`);
      log(
        `[record] ${id}: ${recording.report.outcome}, ${recording.spans.length} spans, ` +
          `${Math.round(json.length / 1024)} KB`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  log(`[record] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
