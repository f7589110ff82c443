import { useState } from 'react';
import { predictionOf } from '../../demos/predictions';
import type { DemoPrediction } from '../../demos/types';
import type { RunReport } from '../../runtime/contract-types';
import type { Session } from '../../runtime/session';
import { judge, type Guess, type Judgement } from './judge';

/**
 * Where a prediction exercise stands: `choosing` before the learner commits (nothing about the run
 * may show), `committed` from the click until the run's report, `judged` once compared.
 * `stopped` marks a committed guess whose run was stopped before it could settle anything.
 */
export type PredictionPhase =
  | { kind: 'off' }
  | { kind: 'choosing' }
  | { kind: 'committed'; guess: Guess; before: RunReport | null; stopped: boolean }
  | { kind: 'judged'; guess: Guess; judgement: Extract<Judgement, { settled: true }> };

export type Prediction = {
  phase: PredictionPhase;
  spec: DemoPrediction;
  /** Whether the page must hide everything that hints at the outcome. */
  hidesHints: boolean;
  setOn(on: boolean): void;
  commit(guess: Guess): void;
  again(): void;
};

/** The prediction exercise of the session's demo; a new demo starts a new exercise. */
export function usePrediction(session: Session, initiallyOn: boolean): Prediction {
  const demoId = session.state().demo;
  const [state, setState] = useState<{ demo: string; phase: PredictionPhase }>({
    demo: demoId,
    phase: initiallyOn ? { kind: 'choosing' } : { kind: 'off' },
  });
  let phase = state.phase;
  // Adjusted while rendering, as React advises for state derived from props.
  if (state.demo !== demoId) {
    phase = phase.kind === 'off' ? phase : { kind: 'choosing' };
    setState({ demo: demoId, phase });
  }
  const spec = predictionOf(demoId);
  const report = session.lastReport();
  if (phase.kind === 'committed' && !session.running && report && report !== phase.before) {
    const judgement = judge(spec, phase.guess, report, session.params());
    phase = judgement.settled
      ? { kind: 'judged', guess: phase.guess, judgement }
      : { ...phase, before: report, stopped: true };
    setState({ demo: demoId, phase });
  }
  const set = (next: PredictionPhase) => setState({ demo: demoId, phase: next });
  return {
    phase,
    spec,
    hidesHints: phase.kind === 'choosing' || phase.kind === 'committed',
    setOn: (on) => set(on ? { kind: 'choosing' } : { kind: 'off' }),
    commit: (guess) => {
      set({ kind: 'committed', guess, before: session.lastReport(), stopped: false });
      void session.run().catch(() => undefined);
    },
    again: () => set({ kind: 'choosing' }),
  };
}
