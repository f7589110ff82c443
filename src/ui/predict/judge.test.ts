import { describe, expect, it } from 'vitest';
import { predictionOf } from '../../demos/predictions';
import type { RunReport } from '../../runtime/contract-types';
import { judge } from './judge';

const report = (outcome: RunReport['outcome'], counter?: number): RunReport =>
  ({
    outcome,
    mode: 'parallel',
    gil: false,
    wallMs: 1,
    threads: [],
    shared: counter === undefined ? {} : { counter },
    stats: { events: 0, droppedEvents: 0, acquisitions: 0, contended: 0, maxHolders: {} },
    output: [],
  }) as RunReport;

const race = predictionOf('race-counter');
const params = { threads: 4, iterations: 20 };

describe('judge', () => {
  it.each([
    ['wrong-result', 2, 'check-failed', 60, true, true, '20 of 80 increments lost'],
    ['wrong-result', 1, 'check-failed', 60, true, false, '20 of 80 increments lost'],
    ['wrong-result', 3, 'check-failed', 60, true, false, '20 of 80 increments lost'],
    ['wrong-result', 3, 'check-failed', 20, true, true, '60 of 80 increments lost'],
    ['finishes', 0, 'ok', 80, true, true, '0 of 80 increments lost'],
    ['finishes', 0, 'check-failed', 79, false, false, '1 of 80 increments lost'],
  ] as const)(
    'race-counter: %s, bucket %d vs %s with counter %d',
    (choice, bucket, outcome, counter, outcomeRight, numberRight, text) => {
      const result = judge(race, { choice, bucket }, report(outcome, counter), params);
      expect(result).toMatchObject({
        settled: true,
        right: outcomeRight && numberRight,
        outcome: { right: outcomeRight },
        number: { right: numberRight, text },
      });
    },
  );

  it('names what happened instead, in the words of the choices', () => {
    const result = judge(predictionOf('deadlock'), { choice: 'finishes' }, report('deadlock'), {});
    expect(result).toEqual({
      settled: true,
      right: false,
      outcome: {
        right: false,
        predicted: 'It finishes, and the result is right',
        actual: 'It deadlocks: threads wait for each other in a circle',
      },
    });
  });

  it('settles nothing for a stopped run', () => {
    expect(judge(race, { choice: 'finishes' }, report('stopped'), params)).toEqual({
      settled: false,
    });
  });

  it('leaves the number out when the run did not produce it', () => {
    const result = judge(race, { choice: 'error', bucket: 2 }, report('error'), params);
    expect(result).toMatchObject({ settled: true, right: true });
    expect(result).not.toHaveProperty('number');
  });
});
