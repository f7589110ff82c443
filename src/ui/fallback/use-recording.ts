import { useEffect, useState } from 'react';
import { readRecording, type Recording } from './recording';

export type RecordingStatus =
  { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; recording: Recording };

/** Fetches `recorded/<demo>.json` shipped beside the app; any failure reads as "no recording". */
export function useRecording(demo: string): RecordingStatus {
  const [status, setStatus] = useState<{ demo: string; status: RecordingStatus } | null>(null);
  useEffect(() => {
    let current = true;
    const settle = (next: RecordingStatus) => {
      if (current) setStatus({ demo, status: next });
    };
    fetch(`${import.meta.env.BASE_URL}recorded/${encodeURIComponent(demo)}.json`)
      .then((response) => (response.ok ? response.json() : null))
      .then((data: unknown) => {
        const recording = readRecording(data, demo);
        settle(recording ? { kind: 'ready', recording } : { kind: 'missing' });
      })
      .catch(() => settle({ kind: 'missing' }));
    return () => {
      current = false;
    };
  }, [demo]);
  return status?.demo === demo ? status.status : { kind: 'loading' };
}
