import { useRef, type ReactNode } from 'react';

export type Tab = { id: string; label: string; content: () => ReactNode };

type Props = { tabs: readonly Tab[]; active: string; onChange(id: string): void; label: string };

/** WAI-ARIA tabs: arrow keys move between tabs, only the active panel is rendered. */
export function Tabs({ tabs, active, onChange, label }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const move = (delta: number) => {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    if (!next) return;
    onChange(next.id);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <div className="tabs">
      <div
        ref={list}
        role="tablist"
        aria-label={label}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') move(1);
          if (e.key === 'ArrowLeft') move(-1);
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === current?.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === current?.id ? 0 : -1}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          id={`panel-${current.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${current.id}`}
          className="tab-panel"
        >
          {current.content()}
        </div>
      )}
    </div>
  );
}
