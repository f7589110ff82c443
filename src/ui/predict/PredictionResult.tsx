import type { DemoDefinition } from '../../demos/types';
import type { Judgement } from './judge';

type Props = {
  judgement: Extract<Judgement, { settled: true }>;
  demo: DemoDefinition;
  onAgain(): void;
};

/** The prediction against the run, in plain words: right, or what was different and why. */
export function PredictionResult({ judgement, demo, onAgain }: Props) {
  const { right, outcome, number } = judgement;
  return (
    <section
      className={`prediction prediction-${right ? 'right' : 'wrong'}`}
      aria-label="Your prediction and the run"
      role="status"
    >
      <h2>
        <span aria-hidden="true">{right ? '✓ ' : '✕ '}</span>
        {right ? 'Your prediction was right' : 'Not what happened'}
      </h2>
      <p>
        You predicted: <strong>{outcome.predicted}</strong>.{' '}
        {outcome.right ? (
          'That is what happened.'
        ) : (
          <>
            It happened: <strong>{outcome.actual}</strong>.
          </>
        )}
      </p>
      {number && (
        <p>
          You guessed: <strong>{number.predicted}</strong>. It was {number.text} (
          {number.actual.toLowerCase()}){number.right ? ': right.' : '.'}
        </p>
      )}
      {!right && (
        <>
          {demo.explain.why && <p>Why: {demo.explain.why}</p>}
          <p>See it on the timeline below{demo.explain.watch ? `: ${demo.explain.watch}` : '.'}</p>
        </>
      )}
      <button type="button" onClick={onAgain}>
        Predict again
      </button>
    </section>
  );
}
