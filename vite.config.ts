import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { isolationHeaders, productionHeaders } from './scripts/isolation-headers';

// Every response (documents and worker scripts alike) carries the isolation headers: a module
// worker served without COEP fails to load under an isolated page (docs/hosting.md).
export default defineConfig({
  plugins: [react()],
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
  preview: { headers: productionHeaders, host: '127.0.0.1' },
  worker: { format: 'es' },
  build: {
    target: 'es2023',
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html' },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
