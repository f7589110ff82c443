/** What stops this page from using shared memory, in plain words; `null` when nothing does. */
export function isolationProblem(): string | null {
  if (globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function') return null;
  if (!globalThis.isSecureContext) {
    return 'This page is not served over HTTPS or from localhost, so the browser withholds shared memory.';
  }
  return (
    'This page is not cross-origin isolated, so the browser withholds SharedArrayBuffer and ' +
    'Interleave cannot start real threads. The server must send the headers ' +
    '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" ' +
    '(or "Document-Isolation-Policy: isolate-and-require-corp") on every response.'
  );
}
