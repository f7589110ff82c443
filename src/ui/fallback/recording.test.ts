import { describe, expect, it } from 'vitest';
import { frameAt, readRecording, type Recording } from './recording';

const recording: Recording = {
  v: 1,
  demo: 'deadlock',
  params: {},
  report: { outcome: 'deadlock' } as Recording['report'],
  threads: [{ id: 0, name: 'main' }],
  objects: [],
  spans: [
    { thread: 0, state: 'running', startUs: 0, endUs: 50 },
    { thread: 0, state: 'waiting', startUs: 50, endUs: 100, object: 1 },
  ],
  holds: [{ thread: 0, object: 1, startUs: 10, endUs: 90 }],
  arrows: [{ fromThread: 1, toThread: 0, object: 1, atUs: 20, wokenAtUs: 30 }],
  markers: [{ thread: 0, atUs: 100, kind: 'deadlock', label: 'deadlock' }],
  totalUs: 100,
};

describe('frameAt', () => {
  it('cuts what had started by the cursor and drops what had not', () => {
    expect(frameAt(recording, 25)).toEqual({
      spans: [{ thread: 0, state: 'running', startUs: 0, endUs: 25 }],
      holds: [{ thread: 0, object: 1, startUs: 10, endUs: 25 }],
      arrows: [],
      markers: [],
    });
  });

  it('shows everything at the end', () => {
    expect(frameAt(recording, 100).markers).toHaveLength(1);
    expect(frameAt(recording, 100).spans).toEqual(recording.spans);
  });
});

describe('readRecording', () => {
  it.each([null, 'text', { ...recording, v: 2 }, { ...recording, spans: 'x' }])(
    'rejects %j',
    (data) => {
      expect(readRecording(data, 'deadlock')).toBeNull();
    },
  );

  it('rejects another demo’s recording and accepts its own', () => {
    expect(readRecording(recording, 'race-counter')).toBeNull();
    expect(readRecording(recording, 'deadlock')).toBe(recording);
  });
});
