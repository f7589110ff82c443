// Monaco themes for the two app themes. Monaco's built-in `vs` and `vs-dark` fail WCAG AA colour
// contrast on some tokens (vs-dark comments 4.2:1, predefined variables 2.9:1) and on the dimmed
// final line number (about 1.8:1 in both), so every colour the JavaScript tokenizer and the gutter
// use is given here, each at least 4.5:1 against the editor background (checked by the tests).

type Rule = { token: string; foreground: string };
export type EditorTheme = {
  name: string;
  base: 'vs' | 'vs-dark';
  inherit: true;
  rules: Rule[];
  colors: Record<string, string>;
};

const lightRules: Rule[] = [
  { token: '', foreground: '000000' },
  { token: 'comment', foreground: '007000' },
  { token: 'keyword', foreground: '0000FF' },
  { token: 'keyword.flow', foreground: 'AF00DB' },
  { token: 'string', foreground: 'A31515' },
  { token: 'string.escape', foreground: '7A3E00' },
  { token: 'number', foreground: '09734C' },
  { token: 'number.hex', foreground: '3030C0' },
  { token: 'regexp', foreground: '800000' },
  { token: 'type', foreground: '006F6F' },
  { token: 'identifier', foreground: '001188' },
  { token: 'variable', foreground: '001188' },
  { token: 'variable.predefined', foreground: '3F5A9C' },
  { token: 'constant', foreground: 'C00000' },
  { token: 'annotation', foreground: '5F5F5F' },
  { token: 'delimiter', foreground: '000000' },
  { token: 'invalid', foreground: 'C02020' },
];

const darkRules: Rule[] = [
  { token: '', foreground: 'D4D4D4' },
  { token: 'comment', foreground: '7FAE6A' },
  { token: 'keyword', foreground: '6FAEE3' },
  { token: 'keyword.flow', foreground: 'C586C0' },
  { token: 'string', foreground: 'CE9178' },
  { token: 'string.escape', foreground: 'D7BA7D' },
  { token: 'number', foreground: 'B5CEA8' },
  { token: 'number.hex', foreground: '5BB498' },
  { token: 'regexp', foreground: 'D08AB5' },
  { token: 'type', foreground: '3DC9B0' },
  { token: 'identifier', foreground: '9CDCFE' },
  { token: 'variable', foreground: '74B0DF' },
  { token: 'variable.predefined', foreground: '8AA6DD' },
  { token: 'constant', foreground: '6FAEE3' },
  { token: 'annotation', foreground: 'D98080' },
  { token: 'delimiter', foreground: 'DCDCDC' },
  { token: 'invalid', foreground: 'F66A6A' },
];

export const EDITOR_THEMES: Record<'light' | 'dark', EditorTheme> = {
  light: {
    name: 'interleave-light',
    base: 'vs',
    inherit: true,
    rules: lightRules,
    colors: {
      'editor.background': '#FFFFFE',
      'editor.foreground': '#000000',
      'editorLineNumber.foreground': '#3A6F85',
      'editorLineNumber.activeForeground': '#0B216F',
      'editorLineNumber.dimmedForeground': '#5E6E7E',
    },
  },
  dark: {
    name: 'interleave-dark',
    base: 'vs-dark',
    inherit: true,
    rules: darkRules,
    colors: {
      'editor.background': '#1E1E1E',
      'editor.foreground': '#D4D4D4',
      'editorLineNumber.foreground': '#9A9A9A',
      'editorLineNumber.activeForeground': '#C6C6C6',
      'editorLineNumber.dimmedForeground': '#9A9A9A',
    },
  },
};

const channel = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG 2 relative luminance of a `#rrggbb` or `rrggbb` colour. */
function luminanceOf(hex: string): number {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(h.slice(i, i + 2), 16) / 255));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG 2 contrast ratio between two opaque colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [dark, light] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => x - y);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
