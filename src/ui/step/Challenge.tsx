import type { DemoDefinition } from '../../demos/types';
import type { ParamValue } from '../../runtime/contract-types';
import type { StepState } from '../../runtime/step/types';
import type { DeskState } from './step-desk';
import { challengeSentence, failureWords } from './step-words';

type Props = {
  demo: DemoDefinition;
  params: Record<string, ParamValue>;
  step: StepState | null;
  now: DeskState;
};

/**
 * On a demo whose bug variant fails: "Can you break it?" When the learner's own schedule reaches
 * the failure, it says so, with the number of steps, against the search's shrunk schedule. No
 * score: the point is to think in interleavings.
 */
export function Challenge({ demo, params, step, now }: Props) {
  const goal = demo.expect.bug && failureWords(demo.expect.bug);
  if (!goal || params.fix === true) return null;
  const report = step?.report;
  const searchs = now.guide !== null && sameSchedule(step?.schedule ?? [], now.guide);
  return (
    <section className="challenge" aria-label="Challenge">
      <p>
        <strong>Can you break it?</strong> Schedule the threads so that {goal}.
      </p>
      <p role="status">
        {!report || !step
          ? ''
          : searchs
            ? `That was the search's schedule (${step.steps} steps): now find your own.`
            : now.handSteps === 0
              ? 'Run to end chose every step: Restart and pick them yourself.'
              : challengeSentence(report, step.steps, now.guide?.length ?? null) +
                (now.handSteps === null
                  ? ''
                  : ` You chose the first ${now.handSteps}; Run to end chose the rest.`)}
      </p>
    </section>
  );
}

function sameSchedule(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
