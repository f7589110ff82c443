import type { ThemeChoice } from '../use-theme';

type Props = { choice: ThemeChoice; onChange(choice: ThemeChoice): void };

export function ThemeSwitch({ choice, onChange }: Props) {
  return (
    <label className="theme-switch">
      <span>Theme</span>
      <select value={choice} onChange={(e) => onChange(e.target.value as ThemeChoice)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
