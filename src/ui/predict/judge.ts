import type { DemoPrediction } from '../../demos/types';
import type { ParamValue, RunReport } from '../../runtime/contract-types';
import { verdictOf } from '../views/verdict-text';

/** What the learner committed to: a choice id and, when asked, a bucket of the rough number. */
export type Guess = { choice: string; bucket?: number };

export type NumberJudgement = {
  right: boolean;
  predicted: string;
  /** The bucket the run fell in. */
  actual: string;
  /** "58 of 80 increments lost". */
  text: string;
};

/** The comparison of a prediction with the run: per part, right or what happened instead. */
export type Judgement =
  | { settled: false }
  | {
      settled: true;
      right: boolean;
      outcome: { right: boolean; predicted: string; actual: string };
      number?: NumberJudgement;
    };

/**
 * Compares the guess with the report. A stopped run settles nothing (the learner ended it before
 * it could show anything); a number is judged only when the run produced it.
 */
export function judge(
  prediction: DemoPrediction,
  guess: Guess,
  report: RunReport,
  params: Readonly<Record<string, ParamValue>>,
): Judgement {
  if (report.outcome === 'stopped') return { settled: false };
  const chosen = prediction.choices.find((c) => c.id === guess.choice);
  const happened = prediction.choices.find((c) => c.outcomes.includes(report.outcome));
  const outcome = {
    right: chosen?.outcomes.includes(report.outcome) ?? false,
    predicted: chosen?.label ?? 'nothing',
    actual: happened?.label ?? verdictOf(report).title,
  };
  const number = judgeNumber(prediction, guess, report, params);
  return {
    settled: true,
    right: outcome.right && (number?.right ?? true),
    outcome,
    ...(number ? { number } : {}),
  };
}

function judgeNumber(
  prediction: DemoPrediction,
  guess: Guess,
  report: RunReport,
  params: Readonly<Record<string, ParamValue>>,
): NumberJudgement | undefined {
  const spec = prediction.number;
  const final = spec ? report.shared[spec.variable] : undefined;
  if (!spec || guess.bucket === undefined || typeof final !== 'number') return undefined;
  const expected = spec.expected.reduce((product, knob) => {
    const value = params[knob];
    return product * (typeof value === 'number' ? value : Number.NaN);
  }, 1);
  if (!Number.isFinite(expected) || expected <= 0) return undefined;
  const short = Math.max(0, expected - final);
  const fraction = short / expected;
  const index = spec.buckets.findIndex((bucket) => fraction <= bucket.max);
  const actual = spec.buckets[index === -1 ? spec.buckets.length - 1 : index];
  return {
    right: index === guess.bucket,
    predicted: spec.buckets[guess.bucket]?.label ?? 'nothing',
    actual: actual?.label ?? '',
    text: `${short} of ${expected} ${spec.noun}`,
  };
}
