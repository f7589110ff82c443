import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionHeaders } from './isolation-headers';

describe('public/_headers', () => {
  it('sends exactly the production headers the preview server sends', () => {
    const lines = readFileSync('public/_headers', 'utf8')
      .split('\n')
      .filter((l) => /^\s+\S+:/.test(l))
      .map((l) => l.trim());
    const parsed = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
    );
    expect(parsed).toEqual(productionHeaders);
  });
});
