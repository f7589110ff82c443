import type { ProgramInfo } from './run-config';

/**
 * The program's memory right after its top level ran (its pages that are not all zero: a run's
 * memory starts zeroed, and most of its megabytes are untouched), and what the top level declared.
 */
export type PreparedProgram = { pages?: Page[]; info?: ProgramInfo };

type Page = { at: number; bytes: Uint8Array };

const PAGE_BYTES = 4096;

/** The pages of `bytes` that hold anything. */
function pagesOf(bytes: Uint8Array): Page[] {
  const pages: Page[] = [];
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  for (let at = 0; at < bytes.byteLength; at += PAGE_BYTES) {
    const from = at >> 2;
    const to = Math.min(words.length, (at + PAGE_BYTES) >> 2);
    for (let w = from; w < to; w++) {
      if (words[w] === 0) continue;
      pages.push({ at, bytes: bytes.slice(at, at + PAGE_BYTES) });
      break;
    }
  }
  return pages;
}

/** Keeps the memory the top level left in `buffer` (once: a search's first run). */
export function keepPrepared(
  cache: PreparedProgram,
  buffer: SharedArrayBuffer,
  info: ProgramInfo,
): void {
  cache.pages = pagesOf(new Uint8Array(buffer));
  cache.info = info;
}

/** Copies the kept memory into a new run's fresh `buffer`; false when nothing is kept yet. */
export function restorePrepared(
  cache: PreparedProgram,
  buffer: SharedArrayBuffer,
): cache is Required<PreparedProgram> {
  if (!cache.pages || !cache.info) return false;
  const bytes = new Uint8Array(buffer);
  for (const page of cache.pages) bytes.set(page.bytes, page.at);
  return true;
}
