import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node 20 cannot load .ts in a worker (type stripping came in Node 22), so a test's worker entry,
// which imports the real sources, is bundled with esbuild into an ES module in the temp folder.

/** A worker's entry: a .ts file, or source text whose imports resolve from `resolveDir`. */
export type WorkerEntry = { file: string } | { contents: string; resolveDir: string };

const bundles = new Map<string, Promise<string>>();

/** The path of an .mjs bundle of `entry` for `new Worker(path)`; bundled once per test file. */
export function bundleWorker(entry: WorkerEntry): Promise<string> {
  const key = JSON.stringify(entry);
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = bundleToFile(entry);
    bundles.set(key, bundle);
  }
  return bundle;
}

async function bundleToFile(entry: WorkerEntry): Promise<string> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: 'ts' } }),
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `interleave-worker-${hash}.mjs`);
  // Test files bundle in parallel: write aside and rename, so nobody loads a half-written file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, file);
  return file;
}
