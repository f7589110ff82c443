import { describe, expect, it } from 'vitest';
import { EventKind } from '../sync/kinds';
import type { TraceEvent } from '../trace/types';
import { deltaChunks, LiveLog, type LogDelta } from './live-log';

const event = (seq: number): TraceEvent => ({
  seq,
  thread: seq % 3,
  kind: EventKind.Acquire,
  object: 0,
  aux: 0,
  timeUs: seq,
});

function delta(events: number, extra: Partial<LogDelta> = {}): LogDelta {
  return {
    events: Array.from({ length: events }, (_, i) => event(i + 1)),
    output: [{ thread: 0, t: 1, text: 'hi' }],
    threads: [{ id: 0, name: 'T0', role: 'thread', daemon: false }],
    objects: [{ id: 0, kind: 1, name: 'lock' }],
    outputTruncated: false,
    ringDropped: 7,
    capDropped: 3,
    inputWaiting: -1,
    ...extra,
  };
}

function applied(deltas: readonly LogDelta[]): LiveLog {
  const log = new LiveLog();
  for (const d of deltas) log.apply(d);
  return log;
}

describe('deltaChunks', () => {
  it('leaves a small delta whole', () => {
    const small = delta(10);
    expect(deltaChunks(small, 10)).toEqual([small]);
  });

  it('splits the events into chunks that rebuild the same log, sending the rest once', () => {
    const hang = { graph: { nodes: [], edges: [] }, cycles: [], sentence: 'stuck' } as never;
    const big = delta(10_001, { hang, steps: [{ thread: 0 }] });
    const chunks = deltaChunks(big, 4096);
    expect(chunks.map((c) => c.events.length)).toEqual([4096, 4096, 1809]);
    const whole = applied([big]);
    const rebuilt = applied(chunks);
    expect(rebuilt.events).toEqual(whole.events);
    expect(rebuilt.output).toEqual(whole.output);
    expect(rebuilt.threads).toEqual(whole.threads);
    expect(rebuilt.objects).toEqual(whole.objects);
    expect(rebuilt.steps).toEqual(whole.steps);
    expect(rebuilt.hang).toEqual(whole.hang);
    expect(rebuilt.dropped).toBe(whole.dropped);
    expect(whole.dropped).toBe(10);
  });
});
