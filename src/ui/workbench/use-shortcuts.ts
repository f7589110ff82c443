import { useEffect } from 'react';

/** Ctrl/Cmd+Enter runs and Escape stops, wherever the focus is (the editor included). */
export function useShortcuts(run: () => void, stop: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        run();
      } else if (e.key === 'Escape') {
        stop();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run, stop]);
}
