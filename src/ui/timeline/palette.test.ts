import { describe, expect, it } from 'vitest';
import { inkOn, LEGEND_STATES, luminanceOf, stateStyle } from './palette';

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
});
