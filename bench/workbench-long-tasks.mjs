// Main-thread long tasks (> 50 ms) in the real workbench while an 8-thread program runs with the
// timeline live (budget 0): the page is observed from its first script on, the run is started
// through window.interleave, and the Timeline tab stays in view the whole time.

const EIGHT_THREADS = `
const lock = new Lock();
const total = new SharedInt(0);
export const threads = 8;
export function thread(id) {
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < 2000; i++) lock.with(() => { total.value = total.value + 1; });
    sleep(2);
  }
}
`;

/** @param {import('playwright-core').Browser} browser @param {string} url */
export async function workbenchLongTasks(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.addInitScript(() => {
      const tasks = [];
      Object.assign(window, { __longTasks: tasks });
      new PerformanceObserver((list) =>
        tasks.push(
          ...list.getEntries().map((e) => ({ startTime: e.startTime, duration: e.duration })),
        ),
      ).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    await page.goto(`${url}/`);
    await page.waitForSelector('[data-testid=code-editor][data-ready=true]', { timeout: 60_000 });
    // Warm the workers once, then measure a second run from a quiet page.
    const run = () =>
      page.evaluate(async (code) => {
        window.interleave.load({ v: 1, demo: 'scratch', code });
        return (await window.interleave.run()).outcome;
      }, EIGHT_THREADS);
    await run();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const before = await page.evaluate(() => window.__longTasks.length);
    const startedAt = await page.evaluate(() => performance.now());
    const outcome = await run();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const tasks = (await page.evaluate(() => window.__longTasks)).slice(before);
    return {
      value: tasks.length,
      unit: 'count',
      budget: '0',
      pass: tasks.length === 0 && outcome === 'ok',
      outcome,
      tasks: tasks.map((t) => ({
        atMs: Math.round(t.startTime - startedAt),
        durationMs: Math.round(t.duration),
      })),
    };
  } finally {
    await page.close();
  }
}
