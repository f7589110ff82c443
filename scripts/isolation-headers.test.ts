import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionHeaders, RUNNER_PATH, runnerContentSecurityPolicy } from './isolation-headers';

/** The `_headers` file as path → header lines (`! Name` removes an inherited header). */
function rulesOf(text: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  let path = '';
  for (const line of text.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) rules.set((path = line.trim()), []);
    else if (/^\s+\S/.test(line)) {
      const l = line.trim();
      const at = l.indexOf(':');
      rules.get(path)?.push(at < 0 ? [l, ''] : [l.slice(0, at), l.slice(at + 1).trim()]);
    }
  }
  return rules;
}

describe('public/_headers', () => {
  const rules = rulesOf(readFileSync('public/_headers', 'utf8'));
  it('sends exactly the production headers the preview server sends', () => {
    expect(Object.fromEntries(rules.get('/*') ?? [])).toEqual(productionHeaders);
  });
  it("gives the runner frame its own policy, replacing the page's", () => {
    expect(rules.get(RUNNER_PATH)).toEqual([
      ['! Content-Security-Policy', ''],
      ['Content-Security-Policy', runnerContentSecurityPolicy],
    ]);
  });
});
