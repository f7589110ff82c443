import { describe, expect, it } from 'vitest';
import { choicesOf, isPreemption, preemptionsOf, steadyChoiceOf } from './choices';
import { viewOf } from './testing/views';

const R = { status: 'ready' } as const;
const B = { status: 'blocked' } as const;
const S = { status: 'sleeping' } as const;
const D = { status: 'done' } as const;

describe('choicesOf', () => {
  it.each([
    { name: 'every ready thread, by id', threads: [R, B, R], choices: [0, 2] },
    { name: 'ready threads before a sleeper', threads: [S, R], choices: [1] },
    {
      name: 'sleepers and time-outs once nothing else can move',
      threads: [S, B, S],
      choices: [0, 2],
    },
    {
      name: 'a blocked thread marked enabled (a time-out) when alone',
      threads: [{ status: 'blocked', enabled: true }, D],
      choices: [0],
    },
    { name: 'nothing when all are blocked or done', threads: [B, D], choices: [] },
  ] as const)('$name', ({ threads, choices }) => {
    expect(choicesOf(viewOf([], [...threads]))).toEqual(choices);
  });
});

describe('preemptions', () => {
  it.each([
    { name: 'the first step is free', schedule: [], threads: [R, R], next: 1, preempts: false },
    {
      name: 'switching from a thread that could go on',
      schedule: [0],
      threads: [R, R],
      next: 1,
      preempts: true,
    },
    {
      name: 'going on with the same thread',
      schedule: [0],
      threads: [R, R],
      next: 0,
      preempts: false,
    },
    {
      name: 'switching from a blocked thread',
      schedule: [0],
      threads: [B, R],
      next: 1,
      preempts: false,
    },
    {
      name: 'switching from a finished thread',
      schedule: [0],
      threads: [D, R],
      next: 1,
      preempts: false,
    },
    {
      name: 'switching from a sleeper to a ready thread',
      schedule: [0],
      threads: [S, R],
      next: 1,
      preempts: false,
    },
  ] as const)('$name', ({ schedule, threads, next, preempts }) => {
    expect(isPreemption(viewOf([...schedule], [...threads]), next)).toBe(preempts);
  });

  it('the steady choice keeps the last thread going, else takes the lowest id', () => {
    expect(steadyChoiceOf(viewOf([1], [R, R]))).toBe(1);
    expect(steadyChoiceOf(viewOf([1], [R, B, R]))).toBe(0);
    expect(() => steadyChoiceOf(viewOf([0], [B, D]))).toThrow(/no thread can move/);
  });

  it('counts the preemptions of a recorded run', () => {
    const views = [
      viewOf([], [R, R]),
      viewOf([0], [R, R]),
      viewOf([0, 1], [R, R]),
      viewOf([0, 1, 0], [D, R]),
    ];
    expect(preemptionsOf([0, 1, 0, 1], views)).toBe(2);
  });
});
