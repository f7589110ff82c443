import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResult } from './contract-types';
import { RunnerClient, type RunnerFrame } from './runner-client';
import { RUNNER_CRASHED, type RunnerHostApi, type StepInfo } from './runner-protocol';
import type { RunOptions } from './run-options';

// The page's crash detection over real MessagePorts: a "frame" here is a host object exposed on
// one end of a channel. A dead frame answers nothing (as a crashed process), a live one answers
// pings. Short timings keep the tests quick; the logic is the one the app runs with 15 s.

const LIMITS = { silenceMs: 60, minPingMs: 120, maxPingMs: 120 };
const OPTIONS: RunOptions = { source: 'export function thread() {}', params: {} };

const STEP_INFO: StepInfo = {
  state: { steps: 0, clockMs: 0, schedule: [], threads: [] },
  report: null,
  schedule: [],
  deltas: [],
};

const never = () => new Promise<never>(() => {});

type FakeHost = Partial<RunnerHostApi> & { alive?: boolean };

/** Frames made on demand, in order: each is one host, or a dead one when `hosts` runs out. */
function framesOf(hosts: FakeHost[]) {
  const made: { disposed: boolean; port: MessagePort }[] = [];
  const connect = (): Promise<RunnerFrame> => {
    const channel = new MessageChannel();
    const host = hosts[made.length];
    const record = { disposed: false, port: channel.port2 };
    made.push(record);
    // A dead frame: nobody listens on its end, so no call is ever answered.
    if (host) expose({ ping: () => host.alive !== false, ...host }, channel.port2);
    return Promise.resolve({ port: channel.port1, dispose: () => (record.disposed = true) });
  };
  return { connect, made };
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function clientOf(hosts: FakeHost[]) {
  const frames = framesOf(hosts);
  const client = new RunnerClient(async () => {
    const frame = await frames.connect();
    ports.push(frame.port, ...frames.made.map((m) => m.port));
    return frame;
  }, LIMITS);
  return { client, frames };
}

describe('RunnerClient crash detection', () => {
  it('rejects a step run being opened when the frame died, and opens a new frame', async () => {
    const { client, frames } = clientOf([{ alive: false, openStep: never }]);
    await expect(client.openStep(OPTIONS, [], 1)).rejects.toThrow(RUNNER_CRASHED);
    expect(frames.made).toHaveLength(2);
    expect(frames.made[0]?.disposed).toBe(true);
  });

  it('ends an open step run with an error report when the frame dies during a step', async () => {
    let dead = false;
    const host: FakeHost = {
      openStep: () => Promise.resolve(STEP_INFO),
      step: never,
      runToEnd: never,
      get alive() {
        return !dead;
      },
    };
    const { client } = clientOf([host]);
    const run = await client.openStep(OPTIONS, [], 1);
    dead = true;
    const state = await run.step(0);
    expect(state.report).toMatchObject({ outcome: 'error', mode: 'step' });
    expect(state.report?.threads[0]?.error?.message).toBe(RUNNER_CRASHED);
    expect(run.report?.outcome).toBe('error');
  });

  it('rejects a search whose frame died', async () => {
    const { client } = clientOf([{ alive: false, search: never }]);
    const search = client.search(OPTIONS, {}, () => {});
    await expect(search.result).rejects.toThrow(RUNNER_CRASHED);
  });

  it('ends a parallel run as error when its frame died', async () => {
    const { client } = clientOf([{ alive: false, start: () => {} }]);
    const report = await client.start(OPTIONS).report;
    expect(report.outcome).toBe('error');
    expect(report.threads[0]?.error?.message).toBe(RUNNER_CRASHED);
  });

  it('lets a slow but living frame finish its search (it answers the ping)', async () => {
    const found: SearchResult = { found: false, runs: 3, ms: 400, strategy: 'pct' };
    const slow = () =>
      new Promise<SearchResult>((resolve) => setTimeout(() => resolve(found), 400));
    const { client, frames } = clientOf([{ search: slow }]);
    await expect(client.search(OPTIONS, {}, () => {}).result).resolves.toEqual(found);
    expect(frames.made).toHaveLength(1);
  });
});
