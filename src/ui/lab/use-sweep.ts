import { useCallback, useEffect, useRef, useState } from 'react';
import type { SweepProgress } from '../../lab/sweep';
import type { SweepOptions, SweepResult } from '../../runtime/contract-types';

export type RunSweep = (
  options: SweepOptions,
  onProgress: (progress: SweepProgress) => void,
  signal: AbortSignal,
) => Promise<SweepResult>;

export type SweepStatus =
  | { kind: 'idle' }
  | { kind: 'running'; progress: SweepProgress | null }
  | { kind: 'done'; result: SweepResult }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

/**
 * One sweep at a time: start, cancel (through the AbortSignal the runner receives) and the status
 * the panel shows. Leaving the panel cancels a sweep still running, so no run outlives its view.
 */
export function useSweep(runSweep: RunSweep) {
  const [status, setStatus] = useState<SweepStatus>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (options: SweepOptions) => {
      controller.current?.abort();
      const mine = new AbortController();
      controller.current = mine;
      setStatus({ kind: 'running', progress: null });
      // Only the latest sweep may write the status: a cancelled one settles after its successor starts.
      const settle = (next: SweepStatus) => {
        if (controller.current === mine) setStatus(next);
      };
      runSweep(options, (progress) => settle({ kind: 'running', progress }), mine.signal).then(
        (result) => settle({ kind: 'done', result }),
        (error: unknown) =>
          settle(
            isAbort(error)
              ? { kind: 'cancelled' }
              : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
          ),
      );
    },
    [runSweep],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { status, start, cancel };
}
