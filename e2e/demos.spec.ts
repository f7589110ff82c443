import { test, expect } from './fixtures';

test('every demo ends as its definition declares, with the bug and with the fix', async ({
  openApp,
}) => {
  test.setTimeout(300_000);
  const page = await openApp();
  await page.waitForFunction(() => window.interleave !== undefined);
  const demos = await page.evaluate(() => window.interleave!.demos());
  expect(demos.length).toBe(25);
  const results: string[] = [];
  for (const demo of demos) {
    const variants: [string, Record<string, boolean>, string | undefined][] =
      demo.expect.default !== undefined
        ? [['default', {}, demo.expect.default]]
        : [
            ['bug', { fix: false }, demo.expect.bug],
            ['fix', { fix: true }, demo.expect.fix],
          ];
    for (const [variant, params, expected] of variants) {
      const outcome = await page.evaluate(
        async ({ id, params }) => {
          window.interleave!.load({ v: 1, demo: id, params });
          return (await window.interleave!.run()).outcome;
        },
        { id: demo.id, params },
      );
      results.push(
        `${demo.id} ${variant}: ${outcome}${outcome === expected ? '' : ` (expected ${expected})`}`,
      );
    }
  }
  expect(results.filter((r) => r.includes('expected'))).toEqual([]);
});
