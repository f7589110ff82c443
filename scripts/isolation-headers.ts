/**
 * The response headers of the app, in one place: used by the dev and preview servers, the e2e
 * server and (mirrored by hand, checked by a test) public/_headers. docs/hosting.md explains
 * each one.
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
 * The page's Content-Security-Policy: everything from our own origin, nothing from blob: (the
 * page never runs program code — that happens in the runner frame), Monaco's inline styles, and
 * the runner frame itself (frame-src 'self').
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The runner frame's policy (runner.html), inherited by its blob workers: program modules are
 * data: URLs imported in those workers (decoded in the worker, with no trip to the browser
 * process), and programs reach no network at all (connect-src 'none').
 */
export const runnerContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self' data:",
  'worker-src blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The bench page's policy (bench.html, served by `vite preview` only): the page's own, plus what
 * its step-mode and tight-loop figures need, since they run programs in blob workers of the page
 * itself, which import program modules from data: URLs, as the runner frame's do.
 */
export const benchContentSecurityPolicy = contentSecurityPolicy
  .replace("script-src 'self'", "script-src 'self' blob: data:")
  .replace("worker-src 'self'", "worker-src 'self' blob:");

/** Headers every production response carries. */
export const productionHeaders: Record<string, string> = {
  ...isolationHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
  // Scripts are only ever run as the types we serve them as.
  'X-Content-Type-Options': 'nosniff',
  // A share link's #s= never travels (fragments do not), and no path or query leaks either.
  'Referrer-Policy': 'no-referrer',
  // The runner frame is an opaque origin (sandboxed): its module scripts load with CORS.
  'Access-Control-Allow-Origin': '*',
};

/** The path of the runner frame's document, which gets {@link runnerContentSecurityPolicy}. */
export const RUNNER_PATH = '/runner.html';

/** The path of the bench page, which gets {@link benchContentSecurityPolicy}. */
export const BENCH_PATH = '/bench.html';
