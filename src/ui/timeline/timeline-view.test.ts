import { describe, expect, it } from 'vitest';
import { commandOfKey, scaleOfView, viewAfter } from './timeline-view';

const shown = { startUs: 1000, endUs: 2000, widthPx: 500 };

describe('scaleOfView', () => {
  it('derives the scale from the view and the run length', () => {
    expect(scaleOfView({ mode: 'fit' }, 8000, 400)).toEqual({
      startUs: 0,
      endUs: 8000,
      widthPx: 400,
    });
    expect(scaleOfView({ mode: 'tail', widthUs: 500 }, 8000, 400)).toEqual({
      startUs: 7500,
      endUs: 8000,
      widthPx: 400,
    });
    expect(scaleOfView({ mode: 'window', startUs: 7000, endUs: 9000 }, 8000, 400)).toEqual({
      startUs: 6000,
      endUs: 8000,
      widthPx: 400,
    });
  });
});

describe('viewAfter', () => {
  it('keeps following while live after a zoom', () => {
    expect(viewAfter({ kind: 'zoom', anchorPx: 250, factor: 2 }, shown, 2000, true)).toEqual({
      mode: 'tail',
      widthUs: 500,
    });
  });
  it('fixes the window after a zoom once the run is over', () => {
    expect(viewAfter({ kind: 'zoom', anchorPx: 250, factor: 2 }, shown, 5000, false)).toEqual({
      mode: 'window',
      startUs: 1250,
      endUs: 1750,
    });
  });
  it('stops following on pan, resumes on End', () => {
    expect(viewAfter({ kind: 'pan', dxPx: -250 }, shown, 5000, true)).toEqual({
      mode: 'window',
      startUs: 500,
      endUs: 1500,
    });
    expect(viewAfter({ kind: 'end' }, shown, 5000, true)).toEqual({ mode: 'tail', widthUs: 1000 });
    expect(viewAfter({ kind: 'end' }, shown, 5000, false)).toEqual({
      mode: 'window',
      startUs: 4000,
      endUs: 5000,
    });
  });
  it('jumps to the start and fits', () => {
    expect(viewAfter({ kind: 'start' }, shown, 5000, false)).toEqual({
      mode: 'window',
      startUs: 0,
      endUs: 1000,
    });
    expect(viewAfter({ kind: 'fit' }, shown, 5000, false)).toEqual({ mode: 'fit' });
  });
});

describe('commandOfKey', () => {
  it('maps keys to commands', () => {
    expect(commandOfKey('+', 50, 200)).toEqual({ kind: 'zoom', anchorPx: 200, factor: 1.5 });
    expect(commandOfKey('-', 50, 200)).toEqual({ kind: 'zoom', anchorPx: 200, factor: 1 / 1.5 });
    expect(commandOfKey('ArrowLeft', 50, 200)).toEqual({ kind: 'pan', dxPx: -50 });
    expect(commandOfKey('0', 50, 200)).toEqual({ kind: 'fit' });
    expect(commandOfKey('End', 50, 200)).toEqual({ kind: 'end' });
    expect(commandOfKey('Escape', 50, 200)).toBe('escape');
    expect(commandOfKey('a', 50, 200)).toBeNull();
  });
});
