import { describe, expect, test, vi } from 'vitest';
import type { RunReport, SearchResult, State } from '../runtime/contract-types';
import { createEmbedServer, errorMessage, resultMessage } from './embed-protocol';
import type { EmbedEvent, EmbedApi } from './embed-protocol';

const race: State = { v: 1, demo: 'race', params: { fix: true } };

describe('createEmbedServer', () => {
  const report = { outcome: 'deadlock' } as RunReport;
  const searched: SearchResult = {
    found: false,
    runs: 6,
    ms: 40,
    strategy: 'exhaustive',
    complete: true,
  };
  const stepped = { steps: 1, clockMs: 0, schedule: [0], threads: [] };
  const host = { name: 'host' };
  function setup() {
    const api = {
      load: vi.fn<EmbedApi['load']>(async () => undefined),
      run: vi.fn<EmbedApi['run']>(async () => report),
      stop: vi.fn<EmbedApi['stop']>(async () => undefined),
      state: vi.fn<EmbedApi['state']>(async () => race),
      lastReport: vi.fn<EmbedApi['lastReport']>(async () => null),
      demos: vi.fn<EmbedApi['demos']>(async () => []),
      sweep: vi.fn<EmbedApi['sweep']>(async () => {
        throw new Error('the lab is busy');
      }),
      search: vi.fn<EmbedApi['search']>(async () => searched),
      searchProgress: vi.fn<EmbedApi['searchProgress']>(() => null),
      step: vi.fn<EmbedApi['step']>(async () => stepped),
      back: vi.fn<EmbedApi['back']>(async () => stepped),
      stepState: vi.fn<EmbedApi['stepState']>(() => null),
    } satisfies EmbedApi;
    const posted: { reply: unknown; to: EmbedEvent }[] = [];
    const server = createEmbedServer({
      api,
      post: (reply, to) => void posted.push({ reply, to }),
      peer: host,
    });
    const send = (data: unknown, source: unknown = host) =>
      server.handle({ data, origin: 'https://course.example', source });
    return { api, posted, send };
  }

  test('a valid request calls the api and replies to its source', async () => {
    const { api, posted, send } = setup();
    await send({ type: 'interleave:load', id: 'L', args: [race] });
    await send({ type: 'interleave:run', id: 7 });
    expect(api.load).toHaveBeenCalledWith(race);
    expect(api.run).toHaveBeenCalledOnce();
    expect(posted.map((p) => p.reply)).toEqual([
      resultMessage('L', null),
      resultMessage(7, report),
    ]);
    expect(posted[0]?.to).toEqual({
      data: expect.anything(),
      origin: 'https://course.example',
      source: { name: 'host' },
    });
  });

  test('a search gets its checked options and replies with its result', async () => {
    const { api, posted, send } = setup();
    await send({
      type: 'interleave:search',
      id: 'S',
      args: [race, { strategy: 'exhaustive', preemptions: 1 }],
    });
    await send({ type: 'interleave:search', id: 'T', args: [race, { preemptions: 9 }] });
    await send({ type: 'interleave:searchProgress', id: 'P' });
    expect(api.search).toHaveBeenCalledOnce();
    expect(api.search).toHaveBeenCalledWith(race, { strategy: 'exhaustive', preemptions: 1 });
    expect(posted.map((p) => p.reply)).toEqual([
      resultMessage('S', searched),
      errorMessage('T', 'search: "preemptions" must be an integer from 0 to 6.'),
      resultMessage('P', null),
    ]);
  });

  test('step passes its thread through', async () => {
    const { api, posted, send } = setup();
    await send({ type: 'interleave:step', id: 1, args: [3] });
    await send({ type: 'interleave:step', id: 2 });
    expect(api.step.mock.calls).toEqual([[3], []]);
    expect(posted.map((p) => p.reply)).toEqual([
      resultMessage(1, stepped),
      resultMessage(2, stepped),
    ]);
  });

  test('a method that throws replies with its message', async () => {
    const { posted, send } = setup();
    await send({ type: 'interleave:sweep', id: 1, args: [race, { repeats: 2 }] });
    expect(posted.map((p) => p.reply)).toEqual([errorMessage(1, 'the lab is busy')]);
  });

  test('a malformed request gets an error and never reaches the api', async () => {
    const { api, posted, send } = setup();
    await send({ type: 'interleave:load', id: 4, args: [{ v: 1, demo: 'race', code: 5 }] });
    await send({ type: 'interleave:run' });
    expect(api.load).not.toHaveBeenCalled();
    expect(api.run).not.toHaveBeenCalled();
    expect(posted.map((p) => (p.reply as { id: unknown }).id)).toEqual([4, null]);
  });

  test('foreign messages and other windows get no reply at all', async () => {
    const { api, posted, send } = setup();
    await send({ type: 'resize', height: 3 });
    await send({ type: 'interleave:result', id: 1, result: 2 });
    // Another window with a handle to us, even one that looks the same, is not the peer.
    await send({ type: 'interleave:run', id: 1 }, { name: 'host' });
    await send({ type: 'interleave:run', id: 2 }, null);
    expect(posted).toEqual([]);
    expect(api.run).not.toHaveBeenCalled();
  });

  test('a page with neither embedder nor opener serves nobody', async () => {
    const api = { run: vi.fn<EmbedApi['run']>(async () => report) } as unknown as EmbedApi;
    const posted: unknown[] = [];
    const server = createEmbedServer({ api, post: (reply) => void posted.push(reply), peer: null });
    await server.handle({ data: { type: 'interleave:run', id: 1 }, origin: 'null', source: null });
    expect(posted).toEqual([]);
    expect(api.run).not.toHaveBeenCalled();
  });

  test('methods that answer at once (as window.interleave does) work too', async () => {
    const posted: unknown[] = [];
    const api = {
      state: () => race,
      stop: () => {
        throw new Error('nothing to stop');
      },
    } as unknown as EmbedApi;
    const server = createEmbedServer({
      api,
      post: (reply) => void posted.push(reply),
      peer: host,
    });
    await server.handle({ data: { type: 'interleave:state', id: 1 }, origin: 'o', source: host });
    await server.handle({ data: { type: 'interleave:stop', id: 2 }, origin: 'o', source: host });
    expect(posted).toEqual([resultMessage(1, race), errorMessage(2, 'nothing to stop')]);
  });

  test('a host that went away does not break the server', async () => {
    const api = { state: async () => race } as unknown as EmbedApi;
    const server = createEmbedServer({
      api,
      post: () => {
        throw new Error('detached');
      },
      peer: host,
    });
    await expect(
      server.handle({ data: { type: 'interleave:state', id: 1 }, origin: 'o', source: host }),
    ).resolves.toBeUndefined();
  });
});
