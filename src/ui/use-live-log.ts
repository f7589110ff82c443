import { startTransition, useEffect, useState } from 'react';
import type { LiveLog } from '../runtime/live-log';

/**
 * The version of a run's live log, refreshed on animation frames while the run goes on. The
 * runtime drains shared memory itself; this only notices new data, so the page never blocks.
 */
export function useLiveLogVersion(log: LiveLog | null, live: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!log || !live) return;
    let frame = 0;
    let last = -1;
    let lastAt = 0;
    const loop = (at: number) => {
      // Re-deriving spans from many events is not free: a few times a second is live enough.
      if (log.version !== last && at - lastAt > 100) {
        last = log.version;
        lastAt = at;
        const latest = log.version;
        // A transition: React renders the views in slices that yield to the page, where an
        // urgent update would render them in one task, long while the run's threads busy the cores.
        startTransition(() => setVersion(latest));
      }
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [log, live]);
  return version;
}
