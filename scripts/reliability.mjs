// Runs every demo N times (default 20) with its bug and with its fix (or its default) in headless
// Chromium and prints how often each ended as declared. A demo's lesson must show reliably: the
// bug in at least 19 of 20 runs, the fix in 20 of 20. Not part of `npm test` (it takes minutes).
//
//   npm run build && node scripts/reliability.mjs [runs] [demo,demo…]
import { fileURLToPath } from 'node:url';
import { launchChromium, serveBuild } from './headless.mjs';

const runs = Number(process.argv[2] ?? 20);
const only = (process.argv[3] ?? '').split(',').filter(Boolean);
const root = fileURLToPath(new URL('..', import.meta.url));

const server = await serveBuild({ root });
const browser = await launchChromium();
let shortfall = 0;
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.interleave !== undefined);
  const demos = (await page.evaluate(() => window.interleave.demos())).filter(
    (d) => only.length === 0 || only.includes(d.id),
  );
  for (const demo of demos) {
    const variants =
      demo.expect.default !== undefined
        ? [['default', {}, demo.expect.default, runs]]
        : [
            ['bug', { fix: false }, demo.expect.bug, runs - 1],
            ['fix', { fix: true }, demo.expect.fix, runs],
          ];
    for (const [name, params, expected, needed] of variants) {
      const outcomes = await page.evaluate(
        async ({ id, params, runs }) => {
          const seen = [];
          for (let i = 0; i < runs; i++) {
            window.interleave.load({ v: 1, demo: id, params });
            seen.push((await window.interleave.run()).outcome);
          }
          return seen;
        },
        { id: demo.id, params, runs },
      );
      const hits = outcomes.filter((o) => o === expected).length;
      if (hits < needed) shortfall++;
      const others = outcomes.filter((o) => o !== expected).join(', ');
      console.log(
        `${demo.id} ${name}: ${hits}/${runs} ${expected}${others ? ` (others: ${others})` : ''}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(shortfall === 0 ? 0 : 1);
