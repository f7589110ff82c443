import type { DemoDefinition } from '../../demos/types';
import type { ParamValue } from '../../runtime/contract-types';
import { predictionOf } from '../../demos/predictions';
import { judge, type Guess } from '../predict/judge';
import { PredictionResult } from '../predict/PredictionResult';
import { Verdict } from '../views/Verdict';
import type { RecordingSource } from './fallback-target';
import { ReplayPlayer } from './ReplayPlayer';
import { useRecording } from './use-recording';

type Props = {
  demo: DemoDefinition;
  /** The knob settings the link asks for; the recording may have been made with others. */
  params: Record<string, ParamValue>;
  source: RecordingSource;
  theme: 'light' | 'dark';
  /** A prediction the reader made before seeing the recording: it is judged against it. */
  prediction?: { guess: Guess; onAgain(): void };
};

/** A real run recorded in advance (the demo's, or one the link brought): verdict and timeline. */
export function RecordedRun({ demo, params, source, theme, prediction }: Props) {
  const status = useRecording(source);
  if (status.kind === 'loading') return <p className="empty">Loading the recorded run…</p>;
  if (status.kind === 'missing')
    return (
      <p className="empty">
        Threads cannot run live here (see why below), and there is no recorded run of this{' '}
        {source.kind === 'none' ? 'program' : 'demo'}: open it in a new tab to run it.
      </p>
    );
  const { recording } = status;
  const expected =
    demo.expect.default ?? (recording.params.fix === true ? demo.expect.fix : demo.expect.bug);
  const judgement = prediction
    ? judge(predictionOf(demo.id), prediction.guess, recording.report, recording.params)
    : null;
  const differing = Object.entries(params).filter(
    ([key, value]) => recording.params[key] !== value,
  );
  return (
    <section className="recorded-run" aria-labelledby="recorded-title">
      {prediction && judgement?.settled && (
        <PredictionResult judgement={judgement} demo={demo} onAgain={prediction.onAgain} />
      )}
      <h2 id="recorded-title">A recorded run</h2>
      <p>
        Threads cannot run live here (see why below), so this page replays a run recorded earlier in
        a browser that allows shared memory
        {source.kind === 'catalogue' ? '' : ', brought by the link'}.
        {differing.length > 0 &&
          ` It was recorded with other settings than this link's (${differing
            .map(([key, value]) => `${key} = ${String(value)}`)
            .join(', ')}): open it in a new tab to run those.`}
      </p>
      <Verdict report={recording.report} running={false} expected={expected} />
      <ReplayPlayer recording={recording} theme={theme} />
    </section>
  );
}
