import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../runtime/contract-types';
import {
  expectationOf,
  lostUpdateLines,
  statsLine,
  verdictOf,
  withLostUpdates,
} from './verdict-text';

const base: RunReport = {
  outcome: 'ok',
  mode: 'parallel',
  gil: false,
  wallMs: 12.34,
  threads: [
    { id: 0, role: 'main', status: 'done' },
    { id: 1, role: '', status: 'error', error: { message: 'lock not held', line: 7 } },
  ],
  shared: {},
  stats: { events: 12345, droppedEvents: 0, acquisitions: 4000, contended: 873, maxHolders: {} },
  output: [],
};

describe('verdictOf', () => {
  it('spells out lost updates of a failed counter check', () => {
    const report: RunReport = {
      ...base,
      outcome: 'check-failed',
      check: { passed: false, message: 'expected 4000, got 3127' },
    };
    expect(verdictOf(report)).toEqual({
      icon: '✕',
      title: 'Check failed',
      tone: 'bad',
      details: ['expected 4000, got 3127: 873 updates lost'],
    });
  });
  it('walks a deadlock cycle', () => {
    const report: RunReport = {
      ...base,
      outcome: 'deadlock',
      deadlock: {
        cycle: [
          { thread: 0, waitsFor: 'forkB', heldBy: 1 },
          { thread: 1, waitsFor: 'forkA', heldBy: 0 },
        ],
      },
    };
    expect(verdictOf(report).details).toEqual([
      'thread 0 (main) waits for forkB, held by thread 1.',
      'thread 1 waits for forkA, held by thread 0 (main).',
    ]);
    const names = new Map([
      [0, 'main'],
      [1, 'Thread-1'],
    ]);
    expect(verdictOf(report, names).details).toEqual([
      'main waits for forkB, held by Thread-1.',
      'Thread-1 waits for forkA, held by main.',
    ]);
  });
  it('names the failing thread, message and line', () => {
    expect(verdictOf({ ...base, outcome: 'error' }).details).toEqual([
      'thread 1: lock not held (line 7)',
    ]);
  });
});

describe('withLostUpdates', () => {
  it('leaves other messages alone', () => {
    expect(withLostUpdates('queue not empty')).toBe('queue not empty');
    expect(withLostUpdates('expected 5, got 7')).toBe('expected 5, got 7');
    expect(withLostUpdates('expected 2, got 1')).toBe('expected 2, got 1: 1 update lost');
  });
});

describe('statsLine and expectationOf', () => {
  it('summarizes the run', () => {
    expect(statsLine(base)).toBe(
      'wall time 12.3 ms · 12,345 events · 4,000 acquisitions, 873 contended',
    );
    expect(statsLine({ ...base, stats: { ...base.stats, droppedEvents: 5 } })).toContain(
      '12,345 events (5 dropped)',
    );
  });
  it('compares with what the demo expects', () => {
    expect(expectationOf(base, 'ok')).toBe('As this demo expects (finished).');
    expect(expectationOf(base, 'deadlock')).toBe('This demo usually ends in: deadlock.');
    expect(expectationOf(base, undefined)).toBe('');
  });
});

describe('lostUpdateLines', () => {
  const sentence = (k: number) => `T1 wrote ${k} over T0's ${k} (counter).`;
  it('lists up to three, then counts the rest', () => {
    expect(lostUpdateLines([])).toEqual([]);
    expect(lostUpdateLines([1, 2].map(sentence))).toEqual([sentence(1), sentence(2)]);
    expect(lostUpdateLines([1, 2, 3, 4].map(sentence))).toEqual([
      sentence(1),
      sentence(2),
      sentence(3),
      '…and 1 more lost update, each marked ◆ on the timeline.',
    ]);
    expect(lostUpdateLines([1, 2, 3, 4, 5].map(sentence)).at(-1)).toBe(
      '…and 2 more lost updates, each marked ◆ on the timeline.',
    );
  });
});
