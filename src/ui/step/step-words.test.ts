import { describe, expect, it } from 'vitest';
import type { RunReport, SearchResult } from '../../runtime/contract-types';
import {
  challengeSentence,
  failureWords,
  nextInGuide,
  pendingWords,
  searchSentence,
} from './step-words';

describe('pendingWords', () => {
  it.each([
    [
      { status: 'ready' as const, pending: { op: 'read', object: 'counter', line: 8 } },
      'read counter, line 8',
    ],
    [{ status: 'ready' as const, pending: { op: 'start' } }, 'start'],
    [{ status: 'blocked' as const, pending: { op: 'acquire', object: 'lockB' } }, 'acquire lockB'],
    [{ status: 'done' as const }, 'done'],
  ])('%j reads %s', (thread, words) => {
    expect(pendingWords(thread)).toBe(words);
  });
});

describe('nextInGuide', () => {
  it.each<[number[] | null, number[], number | undefined]>([
    [[0, 1, 1, 0], [], 0],
    [[0, 1, 1, 0], [0, 1], 1],
    [[0, 1, 1, 0], [0, 1, 1, 0], undefined],
    [[0, 1, 1, 0], [1], undefined],
    [null, [], undefined],
  ])('guide %j after %j: %s', (guide, schedule, next) => {
    expect(nextInGuide(guide, schedule)).toBe(next);
  });
});

describe('failureWords', () => {
  it('words the failing outcomes only', () => {
    expect(failureWords('check-failed')).toBe('the check fails');
    expect(failureWords('deadlock')).toBe('the threads deadlock');
    expect(failureWords('ok')).toBeNull();
    expect(failureWords('stopped')).toBeNull();
  });
});

const found = (steps: number): SearchResult => ({
  found: true,
  runs: 14,
  ms: 220,
  strategy: 'exhaustive(preemptions≤2)',
  schedule: Array.from({ length: steps }, () => 0),
  report: { outcome: 'deadlock' } as RunReport,
});

describe('searchSentence', () => {
  it('a find says what failed, after how many steps, and in how many runs', () => {
    expect(searchSentence(found(6))).toBe(
      'Found it in 14 runs (0.2 s): the threads deadlock after 6 steps. The run below is paused at step 0: step through it, or play it.',
    );
  });

  it('a complete exhaustive search names its preemption bound', () => {
    expect(
      searchSentence({
        found: false,
        runs: 1,
        ms: 40,
        strategy: 'exhaustive(preemptions≤1)',
        complete: true,
      }),
    ).toMatch(/^No failure: all 1 run covered every schedule with at most 1 preemption \(0\.0 s\)/);
  });

  it('a search that ran out of budget says it is no proof', () => {
    expect(searchSentence({ found: false, runs: 1000, ms: 10_000, strategy: 'pct(d=3)' })).toBe(
      'No failure in 1000 runs (10.0 s, strategy pct(d=3)). That is evidence, not proof: the search did not cover every schedule.',
    );
  });
});

describe('challengeSentence', () => {
  const failed = { outcome: 'check-failed' as const };
  it.each<[number, number | null, RegExp]>([
    [8, null, /after 8 steps\. Press Find the bug/],
    [8, 8, /has as many\.$/],
    [10, 8, /needs 2 fewer \(8 steps\)\.$/],
    [6, 8, /2 fewer than the search's shrunk schedule \(8 steps\)\.$/],
  ])('%i steps against %s', (learner, search, pattern) => {
    expect(challengeSentence(failed, learner, search)).toMatch(pattern);
  });

  it('a run that passed is not broken', () => {
    expect(challengeSentence({ outcome: 'ok' }, 9, 8)).toMatch(/^Not broken this time/);
  });
});
