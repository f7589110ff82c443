import { useId, useState } from 'react';
import type { DemoDefinition, DemoPrediction } from '../../demos/types';
import type { Guess } from './judge';
import { PredictionResult } from './PredictionResult';
import type { Prediction } from './use-prediction';

type Props = { prediction: Prediction; demo: DemoDefinition };

/**
 * Predict, then run: the question and its choices until the learner commits, then what they
 * predicted while the run goes, then the comparison.
 */
export function PredictionPanel({ prediction, demo }: Props) {
  const { phase, spec } = prediction;
  if (phase.kind === 'off') return null;
  if (phase.kind === 'judged')
    return <PredictionResult judgement={phase.judgement} demo={demo} onAgain={prediction.again} />;
  if (phase.kind === 'committed') {
    const chosen = spec.choices.find((c) => c.id === phase.guess.choice);
    return (
      <section className="prediction" aria-label="Your prediction">
        <p>
          You predicted: <strong>{chosen?.label}</strong>.
        </p>
        {phase.stopped && (
          <p>
            The run was stopped before it ended, so there is nothing to compare yet.{' '}
            <button type="button" onClick={() => prediction.commit(phase.guess)}>
              Run again
            </button>
          </p>
        )}
      </section>
    );
  }
  return <PredictionForm spec={spec} onCommit={prediction.commit} />;
}

type FormProps = { spec: DemoPrediction; onCommit(guess: Guess): void };

/** The question and its choices; the button commits once every question is answered. */
export function PredictionForm({ spec, onCommit }: FormProps) {
  const [choice, setChoice] = useState<string | null>(null);
  const [bucket, setBucket] = useState<number | null>(null);
  const name = useId();
  const ready = choice !== null && (spec.number === undefined || bucket !== null);
  const commit = () => {
    if (choice === null) return;
    const guess: Guess = bucket === null ? { choice } : { choice, bucket };
    onCommit(guess);
  };
  return (
    <section className="prediction" aria-label="Predict, then run">
      <p className="prediction-intro">
        Predict first: choose what you think will happen, then run it and compare.
      </p>
      <fieldset>
        <legend>{spec.question}</legend>
        {spec.choices.map((c) => (
          <label key={c.id} className="prediction-choice">
            <input
              type="radio"
              name={`${name}-outcome`}
              checked={choice === c.id}
              onChange={() => setChoice(c.id)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      {spec.number && (
        <fieldset>
          <legend>{spec.number.question}</legend>
          {spec.number.buckets.map((b, i) => (
            <label key={b.label} className="prediction-choice">
              <input
                type="radio"
                name={`${name}-number`}
                checked={bucket === i}
                onChange={() => setBucket(i)}
              />
              {b.label}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="primary" disabled={!ready} onClick={commit}>
        Run and compare
      </button>
    </section>
  );
}
