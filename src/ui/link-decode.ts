import type { DecodeResult, DemoLookup } from '../share/url-state';
import { decodeHash } from '../share/url-state';

/** Links up to this size decode on the page at once; their expansion is small whatever they hold. */
const SYNC_LIMIT_CHARS = 16 * 1024;
/** How long a larger link may take to decode (in a worker) before it counts as too large. */
const DECODE_LIMIT_MS = 2000;

/**
 * Decodes a share link without risking the page: small links directly, large ones in a worker
 * that is terminated if it runs past the limit (the link is then reported as too large).
 */
export async function decodeLink(
  hash: string,
  lookup: DemoLookup,
  defaultDemo: string,
): Promise<DecodeResult> {
  if (hash.length <= SYNC_LIMIT_CHARS) return decodeHash(hash, lookup, { defaultDemo });
  const worker = new Worker(new URL('./link-decode.worker.ts', import.meta.url), {
    type: 'module',
  });
  try {
    return await new Promise<DecodeResult>((resolve) => {
      const timer = setTimeout(
        () =>
          resolve({
            state: { v: 1, demo: defaultDemo },
            status: 'too-large',
            problems: [
              `This link took longer than ${DECODE_LIMIT_MS / 1000} s to open, so it was not loaded.`,
            ],
          }),
        DECODE_LIMIT_MS,
      );
      worker.onmessage = (event: MessageEvent<DecodeResult>) => {
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.postMessage({ hash, defaultDemo });
    });
  } finally {
    worker.terminate();
  }
}
