import { describe, expect, it } from 'vitest';
import type { Outcome, RunReport, State } from '../runtime/contract-types';
import { runSweep, SweepRunError, type SweepProgress } from './sweep';

const report = (wallMs: number, outcome: Outcome = 'ok'): RunReport => ({
  outcome,
  mode: 'parallel',
  gil: false,
  wallMs,
  threads: [],
  shared: {},
  stats: { events: 0, droppedEvents: 0, acquisitions: 0, contended: 0, maxHolders: {} },
  output: [],
});

const state: State = { v: 1, demo: 'cpu-bound', params: { gil: false, kind: 'cpu', seed: 7 } };

/** A fake runner: wall time from the params, every state it was given recorded in order. */
function fakeRunner(
  wallMsOf: (params: Record<string, unknown>, call: number) => number | RunReport,
) {
  const calls: State[] = [];
  const run = (s: State) => {
    calls.push(s);
    const made = wallMsOf(s.params ?? {}, calls.length);
    return Promise.resolve(typeof made === 'number' ? report(made) : made);
  };
  return { calls, run };
}

// Perfect scaling to 2 cores with the GIL off; flat with it on.
const cpuMs = (p: Record<string, unknown>) =>
  p.gil === true ? 800 : 800 / Math.min(Number(p.threads), 2);

describe('runSweep', () => {
  it('runs the default thread list 5 times per point after one discarded warm-up', async () => {
    const { calls, run } = fakeRunner((p, call) => (call === 1 ? 99_999 : cpuMs(p)));
    const result = await runSweep(state, {}, { run, hardwareConcurrency: 2 });
    expect(calls).toHaveLength(1 + 6 * 5);
    expect(calls[0]?.params?.threads).toBe(32);
    expect(calls.slice(1).map((c) => c.params?.threads)).toEqual(
      [1, 2, 4, 8, 16, 32].flatMap((n) => Array<number>(5).fill(n)),
    );
    expect(calls[1]).toEqual({ ...state, params: { ...state.params, threads: 1 } });
    expect(state.params?.threads).toBeUndefined();
    const [series] = result.series;
    expect(result.series).toHaveLength(1);
    expect(series?.label).toBe('gil: off, kind: cpu');
    expect(series?.points.map((p) => [p.threads, p.medianMs, p.speedup])).toEqual([
      [1, 800, 1],
      [2, 400, 2],
      [4, 400, 2],
      [8, 400, 2],
      [16, 400, 2],
      [32, 400, 2],
    ]);
    expect(series?.points[0]?.wallMs).toEqual([800, 800, 800, 800, 800]);
    expect(result.hardwareConcurrency).toBe(2);
    expect(result.amdahl?.serialFraction).toBeCloseTo(0, 6);
  });

  it('makes one series per value of the varied knob and fits Amdahl on the GIL-off one', async () => {
    const { calls, run } = fakeRunner(cpuMs);
    const result = await runSweep(
      state,
      { threads: [1, 2, 4], repeats: 2, vary: { gil: [true, false] } },
      { run, hardwareConcurrency: 2 },
    );
    expect(calls).toHaveLength(2 * (1 + 3 * 2));
    expect(result.series.map((s) => s.label)).toEqual(['gil: on', 'gil: off']);
    expect(result.series[0]?.params).toEqual({ gil: true, kind: 'cpu', seed: 7 });
    expect(result.series[0]?.points.map((p) => p.speedup)).toEqual([1, 1, 1]);
    expect(result.series[1]?.points.map((p) => p.speedup)).toEqual([1, 2, 2]);
    expect(result.amdahl?.serialFraction).toBeCloseTo(0, 6);
  });

  it('labels string knobs by value and falls back to the demo name without params', async () => {
    const { run } = fakeRunner(() => 10);
    const kinds = await runSweep(
      state,
      { threads: [1, 2], repeats: 1, vary: { kind: ['cpu', 'io'] } },
      { run, hardwareConcurrency: 2 },
    );
    expect(kinds.series.map((s) => s.label)).toEqual(['kind: cpu', 'kind: io']);
    const bare = await runSweep(
      { v: 1, demo: 'scratch' },
      { threads: [1], repeats: 1 },
      { run, hardwareConcurrency: 2 },
    );
    expect(bare.series[0]?.label).toBe('scratch');
    expect(bare.amdahl).toBeUndefined();
  });

  it('takes medians (middle two averaged) and measures one thread even when the options omit it', async () => {
    const times: Record<number, number[]> = {
      1: [700, 900, 800, 800],
      2: [100, 300, 200, 900],
      4: [60, 40, 50, 50],
    };
    const { calls, run } = fakeRunner((p, call) => times[Number(p.threads)]?.[(call - 2) % 4] ?? 0);
    const result = await runSweep(
      state,
      { threads: [2, 4], repeats: 4 },
      { run, hardwareConcurrency: 8 },
    );
    expect(calls.slice(1).map((c) => c.params?.threads)).toEqual([
      1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4,
    ]);
    const points = result.series[0]?.points;
    expect(points?.map((p) => p.threads)).toEqual([1, 2, 4]);
    expect(points?.map((p) => p.medianMs)).toEqual([800, 250, 50]);
    // Against the measured one-thread median, never an assumed 2 × median(2) = 500.
    expect(points?.map((p) => p.speedup)).toEqual([1, 3.2, 16]);
  });

  it('keeps check-failed runs and stops at the first run that ends otherwise, naming the point', async () => {
    const checkFailed = fakeRunner(() => ({ ...report(5), outcome: 'check-failed' as const }));
    await expect(
      runSweep(
        state,
        { threads: [1, 2], repeats: 1 },
        { run: checkFailed.run, hardwareConcurrency: 2 },
      ),
    ).resolves.toBeDefined();

    const deadlock: RunReport = {
      ...report(5, 'deadlock'),
      deadlock: { cycle: [{ thread: 0, waitsFor: 'forkA', heldBy: 1 }] },
    };
    const { calls, run } = fakeRunner((p, call) =>
      Number(p.threads) === 4 && call > 3 ? deadlock : 5,
    );
    const error = await runSweep(
      state,
      { threads: [1, 4, 8], repeats: 2 },
      { run, hardwareConcurrency: 2 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SweepRunError);
    expect((error as SweepRunError).threads).toBe(4);
    expect((error as Error).message).toMatch(/4 threads \(repeat 1 of 2\).*'deadlock'.*forkA/);
    expect(calls).toHaveLength(4);
  });

  it('checks its options', async () => {
    const { run } = fakeRunner(() => 1);
    const deps = { run, hardwareConcurrency: 2 };
    await expect(runSweep(state, { threads: [] }, deps)).rejects.toThrow(/at least one/);
    await expect(runSweep(state, { threads: [0, 2] }, deps)).rejects.toThrow(/positive integers/);
    await expect(runSweep(state, { threads: [2, 2] }, deps)).rejects.toThrow(/repeat/);
    await expect(runSweep(state, { repeats: 0 }, deps)).rejects.toThrow(/Repeats/);
    await expect(runSweep(state, { vary: { gil: [true], kind: ['io'] } }, deps)).rejects.toThrow(
      /one knob/,
    );
    await expect(runSweep(state, { vary: { kind: [] } }, deps)).rejects.toThrow(/no values/);
  });

  it('reports progress per run: point k of n, fraction, time left from the mean run so far', async () => {
    let clockMs = 0;
    const { run } = fakeRunner(() => {
      clockMs += 100;
      return 100;
    });
    const seen: SweepProgress[] = [];
    await runSweep(
      state,
      { threads: [1, 2], repeats: 2, vary: { gil: [false, true] } },
      { run, hardwareConcurrency: 2, now: () => clockMs, onProgress: (p) => seen.push(p) },
    );
    const totalRuns = 2 * (1 + 2 * 2);
    expect(seen[0]).toEqual({
      point: 1,
      points: 4,
      series: 'gil: off',
      threads: 2,
      fraction: 0,
      etaMs: null,
    });
    expect(seen[1]).toMatchObject({
      point: 1,
      threads: 1,
      fraction: 1 / totalRuns,
      etaMs: 100 * (totalRuns - 1),
    });
    expect(seen.map((p) => p.point)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(seen.map((p) => p.threads)).toEqual([2, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2]);
    expect(seen.at(-1)).toMatchObject({ point: 4, fraction: 1, etaMs: 0, series: 'gil: on' });
  });

  it('cancels at once: rejects with an AbortError while a run is in flight and starts no other', async () => {
    const controller = new AbortController();
    const calls: State[] = [];
    const run = (s: State) => {
      calls.push(s);
      if (calls.length === 3) controller.abort();
      return new Promise<RunReport>((resolve) => setTimeout(() => resolve(report(1)), 5));
    };
    const error = await runSweep(
      state,
      { threads: [1, 2] },
      {
        run,
        hardwareConcurrency: 2,
        signal: controller.signal,
      },
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(3);
  });

  it('runs nothing when already cancelled', async () => {
    const { calls, run } = fakeRunner(() => 1);
    const signal = AbortSignal.abort();
    await expect(
      runSweep(state, {}, { run, hardwareConcurrency: 2, signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls).toHaveLength(0);
  });
});
