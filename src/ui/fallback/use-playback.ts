import { useEffect, useState } from 'react';

/** How long a whole recording takes to play, whatever its length: runs last 1 ms to seconds. */
const PLAY_MS = 8_000;

/**
 * The replay cursor (µs into the recording) and its play/pause state. It starts at the end, so
 * the whole run shows before anyone presses Play; playing from the end starts over.
 */
export function usePlayback(totalUs: number) {
  const [atUs, setAtUs] = useState(totalUs);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let previousMs = performance.now();
    const tick = (nowMs: number) => {
      const stepUs = ((nowMs - previousMs) / PLAY_MS) * totalUs;
      previousMs = nowMs;
      setAtUs((at) => Math.min(totalUs, at + stepUs));
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, totalUs]);

  // Reaching the end pauses (state adjusted while rendering, as React advises).
  if (playing && atUs >= totalUs) setPlaying(false);

  return {
    atUs,
    playing,
    toggle: () => {
      if (!playing && atUs >= totalUs) setAtUs(0);
      setPlaying(!playing);
    },
    seek: (us: number) => {
      setPlaying(false);
      setAtUs(Math.min(totalUs, Math.max(0, us)));
    },
  };
}
