import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import {
  BENCH_PATH,
  benchContentSecurityPolicy,
  contentSecurityPolicy,
  isolationHeaders,
  productionHeaders,
  RUNNER_PATH,
  runnerContentSecurityPolicy,
} from './scripts/isolation-headers';

/**
 * The runner frame (runner.html) and the bench page get their own Content-Security-Policy (program
 * modules are blob: imports in their workers), and the dev server lets the runner frame's opaque
 * origin (Origin: null, a sandboxed frame) load our modules with CORS.
 */
function runnerFrameHeaders(): Plugin {
  return {
    name: 'interleave-runner-frame-headers',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.headers.origin === 'null') res.setHeader('Access-Control-Allow-Origin', 'null');
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        res.setHeader(
          'Content-Security-Policy',
          path === RUNNER_PATH
            ? runnerContentSecurityPolicy
            : path === BENCH_PATH
              ? benchContentSecurityPolicy
              : contentSecurityPolicy,
        );
        next();
      });
    },
  };
}

function withoutPolicy(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name !== 'Content-Security-Policy'),
  );
}

// Every response (documents and worker scripts alike) carries the isolation headers: a module
// worker served without COEP fails to load under an isolated page (docs/hosting.md).
export default defineConfig({
  plugins: [react(), runnerFrameHeaders()],
  resolve: {
    // Monaco's package exports hide its CSS; the JavaScript-only editor imports its pieces directly.
    alias: [
      {
        find: /^monaco-esm\//,
        replacement: fileURLToPath(
          new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url),
        ),
      },
    ],
  },
  server: { headers: isolationHeaders, host: '127.0.0.1' },
  // Two policies would both be enforced: the plugin sends the one that fits the path.
  preview: { headers: withoutPolicy(productionHeaders), host: '127.0.0.1' },
  // Classic (iife) workers: a sandboxed runner frame cannot start module workers (Chromium fails
  // them from an opaque origin), while a classic worker may still import() program modules.
  worker: { format: 'iife' },
  build: {
    target: 'es2023',
    rollupOptions: {
      input: { main: 'index.html', runner: 'runner.html', bench: 'bench.html' },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
