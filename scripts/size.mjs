// Prints the initial JS + CSS (gzip) the app loads before Monaco and the charts: the budget is
// < 200 KB (docs/budgets.md). Reads dist/index.html after `npm run build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Paths of the scripts and stylesheets index.html loads up front (entry + modulepreloads). */
export function initialAssets(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

export function initialGzipKB(dist = 'dist') {
  const bytes = initialAssets(dist).reduce(
    (sum, p) => sum + gzipSync(readFileSync(join(dist, p))).length,
    0,
  );
  return Math.round((bytes / 1024) * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = initialGzipKB();
  console.log(
    JSON.stringify({ initialGzipKB: kb, budgetKB: 200, pass: kb < 200, assets: initialAssets() }),
  );
}
