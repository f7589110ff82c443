import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { compactRecording, type RecordingCaps } from './compact-recording';
import { checkRecording } from './recording-check';
import type { Recording } from './recording';

/**
 * Where a recording of any program travels: in the link itself when it is small (`#s=…&rec=…`),
 * otherwise as a file a course hosts beside Interleave, named by `?recording=<path>`.
 */
export const RECORDING_LINK = {
  /** Compressed characters a recording may add to a link: links past ~32 KB break in some LMSs. */
  maxChars: 16 * 1024,
  /** A coarser recording for links: the replay stays readable, the link short. */
  caps: { spans: 800, holds: 400, arrows: 150, output: 40 } satisfies RecordingCaps,
  /** Largest hosted file read, before any parsing. */
  maxFileChars: 4 * 1024 * 1024,
} as const;

const KEY = 'rec';

/** The hash part carrying the recording, or null when even the coarse one is too large. */
export function recordingHashPart(recording: Recording): string | null {
  const small = compactRecording(recording, RECORDING_LINK.caps);
  const encoded = compressToEncodedURIComponent(JSON.stringify(small));
  return encoded.length <= RECORDING_LINK.maxChars ? `${KEY}=${encoded}` : null;
}

/** The recording a link's hash carries, checked; null when there is none or it is unusable. */
export function recordingFromHash(hash: string): Recording | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const payload = fragment
    .split('&')
    .find((part) => part.startsWith(`${KEY}=`))
    ?.slice(KEY.length + 1);
  if (!payload || payload.length > RECORDING_LINK.maxChars) return null;
  try {
    const json = decompressFromEncodedURIComponent(payload);
    return json ? checkRecording(JSON.parse(json)) : null;
  } catch {
    return null;
  }
}

/**
 * The address of a hosted recording the query names (`?recording=`), resolved against the page;
 * only this site's own files are read, as the page's content policy allows nothing else.
 */
export function recordingUrlOf(search: string, base: string): string | null {
  const value = new URLSearchParams(search).get('recording');
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.origin === new URL(base).origin ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads a hosted recording file's text, checked; null when it is too large or unusable. */
export function recordingFromFile(textContent: string): Recording | null {
  if (textContent.length > RECORDING_LINK.maxFileChars) return null;
  try {
    return checkRecording(JSON.parse(textContent));
  } catch {
    return null;
  }
}
