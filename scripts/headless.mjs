// Debian's Chromium driven by playwright-core, and the built app served by `vite preview`: shared
// by the e2e fixtures, `npm run bench` and `npm run record`. Browser downloads are impossible on
// our machines, so the path is the system's.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that work here: no sandbox as root, no GPU, no background traffic on a closed network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Serves a build (dist/ unless `outDir` names another) with the headers of vite.config.ts, on a
 * free loopback port.
 */
export async function serveBuild({ root, outDir } = {}) {
  const server = await preview({
    root,
    ...(outDir ? { build: { outDir } } : {}),
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('vite preview did not report its address');
  return { url, close: () => server.close() };
}
