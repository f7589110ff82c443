import { describe, expect, it } from 'vitest';
import { contrastRatio, EDITOR_THEMES } from './editor-themes';

describe('editor themes', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it.each(Object.values(EDITOR_THEMES))(
    '$name: every token and gutter colour passes WCAG AA (4.5:1)',
    ({ rules, colors }) => {
      const background = colors['editor.background']!;
      const foregrounds = [
        ...rules.map((r) => [r.token || 'default', r.foreground] as const),
        ...Object.entries(colors).filter(([key]) => key !== 'editor.background'),
      ];
      const failing = foregrounds.filter(([, fg]) => contrastRatio(fg, background) < 4.5);
      expect(failing).toEqual([]);
    },
  );

  it('covers the tokens whose built-in colours fail', () => {
    const dark = EDITOR_THEMES.dark;
    expect(dark.rules.map((r) => r.token)).toEqual(
      expect.arrayContaining(['comment', 'variable.predefined', 'regexp', 'annotation']),
    );
    expect(dark.colors['editorLineNumber.dimmedForeground']).toBeDefined();
    expect(EDITOR_THEMES.light.colors['editorLineNumber.dimmedForeground']).toBeDefined();
  });
});
