import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from '@playwright/test';
import type * as LZ from 'lz-string';
import type { State } from '../src/runtime/contract-types';
import { startStatic, type Served } from './servers';

// The codec modules import lz-string by name, which only a bundler can do (it is CommonJS), so
// the specs write links by the contract itself (docs/embedding.md).
const lz = createRequire(import.meta.url)('lz-string') as typeof LZ;

export const hashOf = (state: State) =>
  `#s=${lz.compressToEncodedURIComponent(JSON.stringify(state))}`;

/** The state a link's hash holds. */
export const stateOfHash = (hash: string): unknown =>
  JSON.parse(lz.decompressFromEncodedURIComponent(hash.replace(/^#s=/, '').split('&')[0] ?? ''));

export const dist = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * A course page on another origin that sends no isolation headers, embedding `src` the way the
 * Embed dialog's snippet does, and keeping every message the frame posts in `window.received`.
 */
export function hostPage(src: string): string {
  return `<!doctype html><html lang="en"><title>Course page</title><link rel="icon" href="data:,">
<iframe src="${src}" title="Interleave" width="100%" height="560" allow="cross-origin-isolated"></iframe>
<script>
  window.received = [];
  addEventListener('message', (event) => window.received.push(event.data));
  window.send = (message) => document.querySelector('iframe').contentWindow.postMessage(message, '*');
</script>`;
}

export type Received = { type: string; id?: unknown; result?: unknown; error?: string };

/** Starts the course page's server and opens the page; the spec closes the server. */
export async function openHost(page: Page, src: string): Promise<Served> {
  const host = await startStatic(dist, {}, { '/host.html': hostPage(src) });
  await page.goto(`${host.url}/host.html`);
  return host;
}

/** The embedded app, once its scripting API is up. */
export async function embeddedApp(page: Page): Promise<Frame> {
  // The app's own frame, not its runner frame (runner.html) nested inside it.
  const frame =
    page.frames().find((f) => f !== page.mainFrame() && !f.url().includes('runner.html')) ?? null;
  if (!frame) throw new Error('the host page has no frame');
  await frame.waitForFunction(() => window.interleave !== undefined, null, { timeout: 30_000 });
  return frame;
}

/** Posts a message from the host to the frame. */
export async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
}

/** Waits for the frame's reply to the request `id`. */
export async function replyTo(page: Page, id: unknown): Promise<Received> {
  const reply = await page.waitForFunction(
    (wanted) =>
      (window as unknown as { received: Received[] }).received.find(
        (m) => m.type === 'interleave:result' && m.id === wanted,
      ),
    id,
    { timeout: 45_000 },
  );
  return (await reply.jsonValue()) as Received;
}

/** Posts a message from the host to the frame and waits for the reply with the same id. */
export async function call(page: Page, message: unknown, id: unknown): Promise<Received> {
  await send(page, message);
  return replyTo(page, id);
}
