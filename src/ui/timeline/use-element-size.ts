import { type RefObject, useEffect, useState } from 'react';

export type ElementSize = { widthPx: number; dpr: number };

/**
 * The content width of an element and the device pixel ratio, kept current by a ResizeObserver,
 * so a canvas can size to its container (no horizontal scroll on a phone) and stay sharp.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ widthPx: 0, dpr: 1 });
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      const widthPx = Math.floor(entries[0]?.contentRect.width ?? 0);
      const dpr = window.devicePixelRatio || 1;
      setSize((old) => (old.widthPx === widthPx && old.dpr === dpr ? old : { widthPx, dpr }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
