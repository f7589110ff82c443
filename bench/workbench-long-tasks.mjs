// Main-thread long tasks (> 50 ms) in the real workbench (budget 0 each), the page observed from
// its first script on: while an 8-thread program runs with the timeline live; while a learner
// steps a step-mode run as fast as the keys go (the step controls, the editor's next-line
// highlights and the shared values redraw after each step); and during Find the bug, both a
// search that finds nothing in its whole budget and one that finds the race and opens it.

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

/** Steps taken by key presses in the stepping figure. */
const STEPS = 200;

/** @param {import('playwright-core').Browser} browser @param {string} url */
export async function workbenchLongTasks(browser, url) {
  return observed(browser, url, async (page, measure) => {
    // Warm the workers once, then measure a second run from a quiet page.
    const run = () =>
      page.evaluate(async (code) => {
        window.interleave.load({ v: 1, demo: 'scratch', code });
        return (await window.interleave.run()).outcome;
      }, EIGHT_THREADS);
    await run();
    const outcome = await measure(run);
    return { ok: outcome === 'ok', extras: { outcome } };
  });
}

/**
 * Step mode through the UI: the race demo (2 threads, 100 increments each, every step enabled)
 * switched to Step with its radio, then 200 number-key presses sent without waiting, alternating
 * T0 and T1; measured until the 200th step is shown.
 * @param {import('playwright-core').Browser} browser @param {string} url
 */
export async function workbenchSteppingLongTasks(browser, url) {
  return observed(browser, url, async (page, measure) => {
    await page.evaluate(() =>
      window.interleave.load({
        v: 1,
        demo: 'race-counter',
        params: { threads: 2, iterations: 100 },
      }),
    );
    await page.getByRole('radio', { name: 'Step' }).check();
    await page.getByText(/^Step 0\./).waitFor({ timeout: 60_000 });
    const started = Date.now();
    await measure(async () => {
      for (let i = 0; i < STEPS; i++) await page.keyboard.press(i % 2 === 0 ? '1' : '2');
      await page.getByText(new RegExp(`^Step ${STEPS}\\.`)).waitFor({ timeout: 120_000 });
    });
    const steps = await page.evaluate(() => window.interleave.stepState()?.steps);
    return {
      ok: steps === STEPS,
      extras: { steps, stepsPerSecond: Math.round((STEPS * 1000) / (Date.now() - started)) },
    };
  });
}

/**
 * Find the bug through the UI: on the race demo with its fix on (nothing to find: the search
 * spends its whole budget, progress redrawn meanwhile), then with the fix off (found, shrunk,
 * opened in step mode at step 0).
 * @param {import('playwright-core').Browser} browser @param {string} url
 */
export async function workbenchSearchLongTasks(browser, url) {
  return observed(browser, url, async (page, measure) => {
    const search = (fix) =>
      measure(async () => {
        await page.evaluate(
          (fix) =>
            window.interleave.load({
              v: 1,
              demo: 'race-counter',
              params: { threads: 2, iterations: 2, fix },
            }),
          fix,
        );
        await page.getByRole('button', { name: 'Find the bug' }).click();
        const said = page.getByText(/^(Found it in|No failure)/);
        await said.waitFor({ timeout: 60_000 });
        return said.textContent();
      });
    const passed = await search(true);
    const found = await search(false);
    await page.getByText(/^Step 0\./).waitFor({ timeout: 60_000 });
    return {
      ok: passed?.startsWith('No failure') === true && found?.startsWith('Found it') === true,
      extras: { passed, found },
    };
  });
}

/**
 * Waits until the page has had no long task for a second and a half (at most 20 s): the editor
 * finishes starting (its language worker answers, its contributions load when idle) seconds after
 * it shows, and that start-up is not the stretch a figure measures.
 * @param {import('playwright-core').Page} page
 */
async function settled(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const until = performance.now() + 20_000;
        const check = () => {
          const last = window.__longTasks.at(-1);
          const quietSince = last ? last.startTime + last.duration : 0;
          if (performance.now() - quietSince >= 1500 || performance.now() > until) resolve();
          else setTimeout(check, 100);
        };
        check();
      }),
  );
}

/**
 * Opens the workbench with a long-task observer installed before its first script, lets `body`
 * drive it, and counts the long tasks inside the stretches `body` passes to `measure`.
 * @param {import('playwright-core').Browser} browser @param {string} url
 * @param {(page: import('playwright-core').Page, measure: <T>(work: () => Promise<T>) => Promise<T>) =>
 *   Promise<{ ok: boolean, extras: Record<string, unknown> }>} body
 */
async function observed(browser, url, body) {
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
    const tasks = [];
    let startedAt = 0;
    const measure = async (work) => {
      await settled(page);
      const before = await page.evaluate(() => window.__longTasks.length);
      startedAt ||= await page.evaluate(() => performance.now());
      const result = await work();
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      tasks.push(...(await page.evaluate(() => window.__longTasks)).slice(before));
      return result;
    };
    const { ok, extras } = await body(page, measure);
    return {
      value: tasks.length,
      unit: 'count',
      budget: '0',
      pass: tasks.length === 0 && ok,
      ...extras,
      tasks: tasks.map((t) => ({
        atMs: Math.round(t.startTime - startedAt),
        durationMs: Math.round(t.duration),
      })),
    };
  } finally {
    await page.close();
  }
}
