import { useRef } from 'react';

type Props = { value: number; onChange(fraction: number): void; label: string };

/** A draggable, keyboard-operable divider between the two panes (a fraction of the width). */
export function Splitter({ value, onChange, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = (f: number) => Math.min(0.8, Math.max(0.2, f));
  return (
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={20}
      aria-valuemax={80}
      aria-valuenow={Math.round(value * 100)}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(clamp(value - 0.05));
        if (e.key === 'ArrowRight') onChange(clamp(value + 0.05));
      }}
      onPointerDown={(e) => {
        const parent = ref.current?.parentElement;
        if (!parent) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const rect = parent.getBoundingClientRect();
        const move = (m: PointerEvent) => onChange(clamp((m.clientX - rect.left) / rect.width));
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
    />
  );
}
