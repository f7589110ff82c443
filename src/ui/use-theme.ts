import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The theme in force: the learner's choice, else the system's; written to <html data-theme>. */
export function useTheme(initial: ThemeChoice) {
  const [choice, setChoice] = useState<ThemeChoice>(initial);
  const [systemDark, setSystemDark] = useState(() => query().matches);
  useEffect(() => {
    const media = query();
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const theme: 'light' | 'dark' = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return { theme, choice, setChoice };
}
