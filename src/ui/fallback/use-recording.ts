import { useEffect, useState } from 'react';
import type { RecordingSource } from './fallback-target';
import { readRecording, type Recording } from './recording';
import { recordingFromFile } from './recording-link';

export type RecordingStatus =
  { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; recording: Recording };

/**
 * The recording to replay: the link's own at once, or a fetched file (a course's, or the
 * catalogue's `recorded/<demo>.json` shipped beside the app); any failure reads as "no recording".
 */
export function useRecording(source: RecordingSource): RecordingStatus {
  const key = source.kind === 'url' ? source.url : source.kind === 'catalogue' ? source.demo : '';
  const [status, setStatus] = useState<{ key: string; status: RecordingStatus } | null>(null);
  useEffect(() => {
    if (source.kind !== 'url' && source.kind !== 'catalogue') return;
    let current = true;
    const settle = (next: Recording | null) => {
      if (current)
        setStatus({ key, status: next ? { kind: 'ready', recording: next } : { kind: 'missing' } });
    };
    const url =
      source.kind === 'url'
        ? source.url
        : `${import.meta.env.BASE_URL}recorded/${encodeURIComponent(source.demo)}.json`;
    fetch(url)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) =>
        settle(
          source.kind === 'url' ? recordingFromFile(text) : readRecording(parse(text), source.demo),
        ),
      )
      .catch(() => settle(null));
    return () => {
      current = false;
    };
  }, [source, key]);
  if (source.kind === 'inline') return { kind: 'ready', recording: source.recording };
  if (source.kind === 'none') return { kind: 'missing' };
  return status?.key === key ? status.status : { kind: 'loading' };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
