import { useEffect } from 'react';

/**
 * Ctrl/Cmd+Enter runs and Escape stops, wherever the focus is (the editor included). In step
 * mode (`stepThread` given), the number keys 1–9 step T0–T8, except while typing in a field or
 * the editor, where a digit is a digit.
 */
export function useShortcuts(
  run: () => void,
  stop: () => void,
  stepThread?: (thread: number) => void,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        run();
      } else if (e.key === 'Escape') {
        stop();
      } else if (stepThread && /^[1-9]$/.test(e.key) && !modified(e) && !typing(e.target)) {
        e.preventDefault();
        stepThread(Number(e.key) - 1);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run, stop, stepThread]);
}

function modified(e: KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey || e.altKey;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type))
  );
}
