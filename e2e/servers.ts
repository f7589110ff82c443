import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serveBuild } from '../scripts/headless.mjs';

export type Served = { url: string; close: () => Promise<void> };

/** The built app under `vite preview` (with the isolation headers), on a free loopback port. */
export function startPreview(): Promise<Served> {
  return serveBuild();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
};

/**
 * A plain static server for `dist/` or for a fixture page, sending only the headers given: the
 * app without isolation, or a course page that embeds the app from another origin.
 */
export async function startStatic(
  root: string,
  headers: Record<string, string> = {},
  pages: Record<string, string> = {},
): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Browsers ask every origin for a favicon: an empty answer, not a 404 in the console.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html', ...headers });
      res.end(page);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          ...headers,
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
