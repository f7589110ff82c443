import { useEffect, type RefObject } from 'react';
import { resizeEvent } from '../share/embed-protocol';

/**
 * Posts the element's height to the page embedding this frame whenever it changes
 * (`interleave:resize`), so the host can size the frame to its content.
 */
export function usePostHeight(element: RefObject<HTMLElement | null>, on: boolean): void {
  useEffect(() => {
    const target = element.current;
    if (!on || !target || window.parent === window) return;
    let posted = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(target.getBoundingClientRect().height);
      // Sub-pixel jitter would make the host resize the frame back and forth.
      if (Math.abs(height - posted) < 2) return;
      posted = height;
      window.parent.postMessage(resizeEvent(height), '*');
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, on]);
}
