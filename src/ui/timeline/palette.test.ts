import { describe, expect, it } from 'vitest';
import {
  inkOn,
  LEGEND_STATES,
  luminanceOf,
  paletteOf,
  stateStyle,
  threadColour,
  THREAD_COLOUR_COUNT,
} from './palette';

describe('palette', () => {
  it('computes WCAG luminance', () => {
    expect(luminanceOf('#ffffff')).toBeCloseTo(1);
    expect(luminanceOf('#000000')).toBe(0);
  });
  it('picks the label ink with more contrast', () => {
    expect(inkOn('#f0e442')).toBe('#000000');
    expect(inkOn('#0072b2')).toBe('#ffffff');
    expect(inkOn('#4a4f57')).toBe('#ffffff');
  });
  it('marks every blocked state with a pattern, not colour alone', () => {
    const blocked = LEGEND_STATES.filter((s) => s !== 'running' && s !== 'done' && s !== 'failed');
    for (const state of blocked) expect(stateStyle(state, 'light').pattern).not.toBe('none');
  });
  it('gives each of the first threads its own colour, with 3:1 against the background', () => {
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    for (const theme of ['light', 'dark'] as const) {
      const colours = Array.from({ length: THREAD_COLOUR_COUNT }, (_, id) =>
        threadColour(id, theme),
      );
      expect(new Set(colours).size).toBe(THREAD_COLOUR_COUNT);
      for (const c of colours)
        expect(contrast(c, paletteOf(theme).background)).toBeGreaterThanOrEqual(3);
      expect(threadColour(THREAD_COLOUR_COUNT, theme)).toBe(colours[0]);
    }
  });
});
