/**
 * The response headers that make the app cross-origin isolated. One list, used by the dev and
 * preview servers, the e2e server and (mirrored by hand) public/_headers.
 *
 * - COOP + COEP isolate a top-level document and its workers (SharedArrayBuffer, Atomics.wait).
 * - Document-Isolation-Policy isolates the document even inside a non-isolated embedder
 *   (Chromium 137+), which is how an embedded iframe on a course page gets shared memory.
 * - CORP lets an isolated embedder load our resources.
 */
export const isolationHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Document-Isolation-Policy': 'isolate-and-require-corp',
};

/**
 * The Content-Security-Policy of the built app: everything from our own origin; program modules
 * are blob: URLs imported inside workers (never on the page); Monaco sets inline styles. The dev
 * server does not send it (Vite's dev client injects inline scripts).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers for the built app: isolation plus the CSP. */
export const productionHeaders: Record<string, string> = {
  ...isolationHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
};
