import type { ThreadState } from '../../trace/types';

// Colours of the timeline. State fills are the Okabe–Ito palette (Okabe & Ito, "Color Universal
// Design", 2008), distinguishable with the common colour-vision deficiencies; each blocked state
// also carries a pattern, so colour is never the only cue (WCAG 1.4.1).

export type TimelineTheme = 'light' | 'dark';

/** The texture drawn over a state's fill. */
export type StatePattern = 'none' | 'hatch' | 'dots' | 'cross';

export type StateStyle = { fill: string; pattern: StatePattern; name: string };

const DONE_FILL: Record<TimelineTheme, string> = { light: '#d5d8dc', dark: '#4a4f57' };

/** How a state looks in a theme. */
export function stateStyle(state: ThreadState, theme: TimelineTheme): StateStyle {
  switch (state) {
    case 'starting':
      return { fill: '#a9b4c2', pattern: 'dots', name: 'starting' };
    case 'running':
      return { fill: '#009e73', pattern: 'none', name: 'running' };
    case 'waiting':
      return { fill: '#e69f00', pattern: 'hatch', name: 'waiting' };
    case 'sleeping':
      return { fill: '#56b4e9', pattern: 'dots', name: 'sleeping' };
    case 'input':
      return { fill: '#cc79a7', pattern: 'dots', name: 'waiting for input' };
    case 'gil-wait':
      return { fill: '#f0e442', pattern: 'cross', name: 'waiting for the GIL' };
    case 'done':
      return { fill: DONE_FILL[theme], pattern: 'none', name: 'done' };
    case 'failed':
      return { fill: '#d55e00', pattern: 'none', name: 'failed' };
  }
}

/** Every state, in legend order. */
export const LEGEND_STATES: readonly ThreadState[] = [
  'starting',
  'running',
  'waiting',
  'sleeping',
  'input',
  'gil-wait',
  'done',
  'failed',
];

/** Colours of everything that is not a state. */
export type Palette = {
  background: string;
  laneAlt: string;
  text: string;
  muted: string;
  grid: string;
  hold: string;
  /** Deadlock cycle: lanes tinted, holds and outlines in this colour. */
  cycle: string;
  cycleTint: string;
  arrow: string;
  marker: string;
  /** Pattern strokes, drawn over the (mid-light) state fills in both themes. */
  patternInk: string;
};

const PALETTES: Record<TimelineTheme, Palette> = {
  light: {
    background: '#ffffff',
    laneAlt: '#f3f4f6',
    text: '#1b1f24',
    muted: '#57606a',
    grid: 'rgba(0, 0, 0, 0.12)',
    hold: '#4b5563',
    cycle: '#b4001e',
    cycleTint: 'rgba(180, 0, 30, 0.10)',
    arrow: 'rgba(27, 31, 36, 0.7)',
    marker: '#b4001e',
    patternInk: 'rgba(0, 0, 0, 0.45)',
  },
  dark: {
    background: '#15181d',
    laneAlt: '#1d2128',
    text: '#e6e8eb',
    muted: '#a4abb5',
    grid: 'rgba(255, 255, 255, 0.14)',
    hold: '#c3c8cf',
    cycle: '#ff7b8a',
    cycleTint: 'rgba(255, 123, 138, 0.14)',
    arrow: 'rgba(230, 232, 235, 0.75)',
    marker: '#ff7b8a',
    patternInk: 'rgba(0, 0, 0, 0.5)',
  },
};

export function paletteOf(theme: TimelineTheme): Palette {
  return PALETTES[theme];
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminanceOf(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with a `#rrggbb` fill (for labels inside spans). */
export function inkOn(hex: string): '#000000' | '#ffffff' {
  const l = luminanceOf(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** The same patterns as CSS backgrounds, for legend swatches. */
export function patternCss(pattern: StatePattern): string {
  const ink = 'rgba(0, 0, 0, 0.45)';
  switch (pattern) {
    case 'none':
      return 'none';
    case 'hatch':
      return `repeating-linear-gradient(45deg, ${ink} 0 1.5px, transparent 1.5px 6px)`;
    case 'dots':
      return `radial-gradient(${ink} 1.2px, transparent 1.4px) 0 0 / 5px 5px`;
    case 'cross':
      return `repeating-linear-gradient(45deg, ${ink} 0 1.5px, transparent 1.5px 6px), repeating-linear-gradient(-45deg, ${ink} 0 1.5px, transparent 1.5px 6px)`;
  }
}
