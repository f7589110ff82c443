import { describe, expect, it } from 'vitest';
import type { Recording } from './recording';
import { checkRecording } from './recording-check';
import {
  recordingFromFile,
  recordingFromHash,
  recordingHashPart,
  recordingUrlOf,
} from './recording-link';

const recording: Recording = {
  v: 1,
  demo: 'scratch',
  params: { threads: 2 },
  report: {
    outcome: 'deadlock',
    mode: 'parallel',
    gil: false,
    wallMs: 3,
    threads: [
      { id: 0, role: 'thread', status: 'blocked', blockedOn: 'lockB' },
      { id: 1, role: 'thread', status: 'blocked', blockedOn: 'lockA' },
    ],
    deadlock: {
      cycle: [
        { thread: 0, waitsFor: 'lockB', heldBy: 1 },
        { thread: 1, waitsFor: 'lockA', heldBy: 0 },
      ],
    },
    shared: { n: -2, list: [1, 2] },
    stats: { events: 8, droppedEvents: 0, acquisitions: 2, contended: 2, maxHolders: { lockA: 1 } },
    output: [{ thread: 0, t: 0.5, text: 'hi' }],
  },
  threads: [
    { id: 0, name: 'T0' },
    { id: 1, name: 'T1' },
  ],
  objects: [
    { id: 0, kind: 1, name: 'lockA' },
    { id: 1, kind: 1, name: 'lockB' },
  ],
  spans: [
    { thread: 0, state: 'running', startUs: 0, endUs: 10 },
    { thread: 0, state: 'waiting', startUs: 10, endUs: 3000, object: 1, op: 1 },
  ],
  holds: [{ thread: 0, object: 0, startUs: 1, endUs: 3000 }],
  arrows: [],
  markers: [{ thread: 0, atUs: 3000, kind: 'deadlock', label: 'deadlock: waits for lockB' }],
  totalUs: 3000,
};

describe('checkRecording', () => {
  it('keeps a well-formed recording as it is', () => {
    expect(checkRecording(recording)).toEqual(recording);
  });

  it('drops fields it does not know', () => {
    const extra = {
      ...recording,
      script: '<img onerror=alert(1)>',
      report: { ...recording.report, x: 1 },
    };
    expect(checkRecording(extra)).toEqual(recording);
  });

  it.each([
    ['a future version', { ...recording, v: 2 }],
    ['no demo', { ...recording, demo: '../x' }],
    ['a bad outcome', { ...recording, report: { ...recording.report, outcome: 'win' } }],
    [
      'a span of an unknown state',
      { ...recording, spans: [{ thread: 0, state: 'x', startUs: 0, endUs: 1 }] },
    ],
    ['a negative time', { ...recording, holds: [{ thread: 0, object: 0, startUs: -1, endUs: 1 }] }],
    ['a huge thread id', { ...recording, threads: [{ id: 1e9, name: 'T' }] }],
    ['text for a number', { ...recording, totalUs: '3000' }],
    ['too many spans', { ...recording, spans: new Array(20_000).fill(recording.spans[0]) }],
    ['null', null],
  ])('rejects %s', (_name, data) => {
    expect(checkRecording(data)).toBeNull();
  });
});

describe('recordings in links and files', () => {
  it('travel in the hash and come back the same', () => {
    const part = recordingHashPart(recording);
    expect(part).not.toBeNull();
    expect(recordingFromHash(`#s=abc&${part}`)).toEqual(recording);
  });

  it('a run too large for a link is refused there', () => {
    let x = 7;
    const noise = () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % 100_000;
    };
    const spans = Array.from({ length: 800 }, (_, i) => ({
      thread: i % 200,
      state: 'running' as const,
      startUs: noise(),
      endUs: noise() + 100_000,
    }));
    const threads = Array.from({ length: 200 }, (_, id) => ({ id, name: `worker-${noise()}` }));
    // Objects are never thinned: thousands of them with random names cannot fit.
    const objects = Array.from({ length: 3000 }, (_, id) => ({
      id,
      kind: 1 as const,
      name: `lock-${noise()}-${noise()}`,
    }));
    const large = { ...recording, spans, threads, objects, totalUs: 200_000 };
    expect(recordingHashPart(large)).toBeNull();
  });

  it('a damaged hash or file reads as none', () => {
    expect(recordingFromHash('#s=abc&rec=%%%')).toBeNull();
    expect(recordingFromHash('#s=abc')).toBeNull();
    expect(recordingFromFile('{oops')).toBeNull();
    expect(recordingFromFile(JSON.stringify(recording))).toEqual(recording);
  });

  it.each([
    ['?recording=rec/race.json', 'https://i.example/app/', 'https://i.example/app/rec/race.json'],
    ['?recording=/r.json', 'https://i.example/app/', 'https://i.example/r.json'],
    ['?recording=https://evil.example/r.json', 'https://i.example/', null],
    ['?other=1', 'https://i.example/', null],
  ])('%s from %s → %s', (search, base, url) => {
    expect(recordingUrlOf(search, base)).toBe(url);
  });
});
