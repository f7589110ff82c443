import type { State } from '../src/runtime/contract-types';
import { seriousViolations } from './accessibility';
import { test, expect } from './fixtures';
import { call, dist, embeddedApp, hashOf, openHost, type Received } from './host-page';
import { startStatic } from './servers';

const deadlock: State = { v: 1, demo: 'deadlock' };

test('an embed in a page without COOP/COEP is isolated and runs a demo over postMessage', async ({
  page,
  app,
}) => {
  const host = await openHost(page, `${app.url}/?embed=1${hashOf({ v: 1, demo: 'scratch' })}`);
  try {
    const frame = await embeddedApp(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(true);

    expect(await call(page, { type: 'interleave:load', id: 1, args: [deadlock] }, 1)).toEqual({
      type: 'interleave:result',
      id: 1,
      result: null,
    });
    const run = await call(page, { type: 'interleave:run', id: 2 }, 2);
    expect((run.result as { outcome: string }).outcome).toBe('deadlock');
    const events = await page.evaluate(() =>
      (window as unknown as { received: Received[] }).received.filter(
        (m) => m.type === 'interleave:report',
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ report: { outcome: 'deadlock' } });
  } finally {
    await host.close();
  }
});

test('axe finds no serious or critical violations in an embed, its editor and timeline loaded', async ({
  page,
  app,
}) => {
  const host = await openHost(page, `${app.url}/?embed=1${hashOf(deadlock)}`);
  try {
    const frame = await embeddedApp(page);
    await expect(frame.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true');
    await call(page, { type: 'interleave:run', id: 1 }, 1);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await host.close();
  }
});

test('malformed messages get error replies and change nothing', async ({ page, app }) => {
  const host = await openHost(page, `${app.url}/?embed=1${hashOf({ v: 1, demo: 'scratch' })}`);
  try {
    const frame = await embeddedApp(page);
    const bad: [unknown, unknown][] = [
      [{ type: 'interleave:explode', id: 'a' }, 'a'],
      [{ type: 'interleave:load', id: 'b', args: [{ v: 1, demo: 42 }] }, 'b'],
      [{ type: 'interleave:load', id: 'c', args: [] }, 'c'],
      [{ type: 'interleave:run', id: 'd', args: 'now' }, 'd'],
      [
        {
          type: 'interleave:load',
          id: 'e',
          args: [{ v: 1, demo: 'deadlock', params: { fix: [1] } }],
        },
        'e',
      ],
      [{ type: 'interleave:state', id: 'f', extra: true }, 'f'],
      [{ type: 'interleave:run' }, null],
    ];
    for (const [message, id] of bad) {
      const reply = await call(page, message, id);
      expect(reply.error, JSON.stringify(message)).toEqual(expect.any(String));
      expect(reply).not.toHaveProperty('result');
    }
    expect(await frame.evaluate(() => window.interleave?.state())).toEqual({
      v: 1,
      demo: 'scratch',
    });
    expect(await frame.evaluate(() => window.interleave?.lastReport())).toBeNull();

    await call(page, { type: 'interleave:load', id: 10, args: [deadlock] }, 10);
    const run = await call(page, { type: 'interleave:run', id: 11, args: [] }, 11);
    expect((run.result as { outcome: string }).outcome).toBe('deadlock');
  } finally {
    await host.close();
  }
});

test('without isolation the embed replays the recorded run, with the open link', async ({
  page,
}) => {
  const plain = await startStatic(dist);
  const host = await openHost(page, `${plain.url}/?embed=1${hashOf(deadlock)}`);
  try {
    const frame = page.frameLocator('iframe');
    await expect(
      frame.getByRole('heading', { name: 'Live threads are unavailable here' }),
    ).toBeVisible({
      timeout: 30_000,
    });
    const open = frame.getByRole('link', { name: 'Open in Interleave' });
    await expect(open).toHaveAttribute('target', '_blank');
    expect(await open.getAttribute('href')).toBe(`${plain.url}/${hashOf(deadlock)}`);
    await expect(frame.getByLabel(/^Program of the/)).toContainText('lockA');
    // The recording is fetched after the page shows: wait for it as long as for the page.
    await expect(frame.getByRole('status')).toContainText('Deadlock', { timeout: 30_000 });
    await expect(frame.locator('.recorded-run canvas')).toBeVisible();

    const slider = frame.getByRole('slider', { name: 'Replay position' });
    const position = frame.locator('.replay-position');
    await expect(position).toHaveText(/^(.+) of \1$/);
    await slider.focus();
    await slider.press('Home');
    await expect(position).toHaveText(/^0\.00 ms of /);
    await slider.press('ArrowRight');
    await expect(position).not.toHaveText(/^0\.00 ms of /);

    await slider.press('Home');
    await frame.getByRole('button', { name: 'Play' }).click();
    await expect(frame.getByRole('button', { name: 'Pause' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Playing moves the cursor to the end, then stops by itself.
    await expect(position).toHaveText(/^(.+) of \1$/, { timeout: 30_000 });
    await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  } finally {
    await host.close();
    await plain.close();
  }
});

test('without isolation a link carrying its own code shows it with the open link', async ({
  page,
}) => {
  const plain = await startStatic(dist);
  try {
    const code = 'export const threads = 1;\nexport function thread() { print("mine"); }\n';
    await page.goto(`${plain.url}/${hashOf({ v: 1, demo: 'scratch', code })}`);
    await expect(page.getByText('This link carries its own program')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByLabel(/^Program of the/)).toHaveText(code);
    await expect(page.getByRole('link', { name: 'Open in Interleave' })).toBeVisible();
    await expect(page.locator('canvas')).toHaveCount(0);
  } finally {
    await plain.close();
  }
});

test('a host page replays a schedule in step mode over postMessage', async ({ page, app }) => {
  const host = await openHost(page, `${app.url}/?embed=1${hashOf({ v: 1, demo: 'scratch' })}`);
  try {
    await embeddedApp(page);
    const stepped: State = { ...deadlock, mode: 'step' };
    await call(page, { type: 'interleave:load', id: 1, args: [stepped] }, 1);
    const first = await call(page, { type: 'interleave:run', id: 2 }, 2);
    const schedule = (first.result as { schedule: number[] }).schedule;
    expect(schedule.length).toBeGreaterThan(2);
    // Open at the end of the schedule minus two steps, then take them one by one.
    const opened = { ...stepped, schedule: schedule.slice(0, -2) };
    await call(page, { type: 'interleave:load', id: 3, args: [opened] }, 3);
    const paused = await call(page, { type: 'interleave:stepState', id: 4 }, 4);
    expect(paused.result).toMatchObject({ steps: schedule.length - 2 });
    await call(page, { type: 'interleave:step', id: 5, args: [schedule.at(-2)] }, 5);
    const last = await call(page, { type: 'interleave:step', id: 6, args: [schedule.at(-1)] }, 6);
    expect(last.result).toMatchObject({ steps: schedule.length, schedule, report: first.result });
    const refused = await call(page, { type: 'interleave:step', id: 7, args: [0] }, 7);
    expect(refused.error).toMatch(/ended/);
    const back = await call(page, { type: 'interleave:back', id: 8 }, 8);
    expect(back.result).toMatchObject({ steps: schedule.length - 1 });
  } finally {
    await host.close();
  }
});
