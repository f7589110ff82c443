import { useState } from 'react';
import { predictionOf } from '../../demos/predictions';
import type { Guess } from '../predict/judge';
import { PredictionForm } from '../predict/PredictionPanel';
import { useTheme } from '../use-theme';
import { ExplainPanel } from '../workbench/ExplainPanel';
import type { FallbackTarget } from './fallback-target';
import { IsolationHelp } from './IsolationHelp';
import { RecordedRun } from './RecordedRun';
import './fallback.css';

type Props = { target: FallbackTarget; problem: string };

/**
 * The demo a link names, shown without live threads (the browser withholds shared memory): why,
 * its program, a recorded run to replay, its explanation, and a link to the full app.
 */
export function RecordedDemo({ target, problem }: Props) {
  const { demo, state, flags, openUrl, recording } = target;
  const { theme } = useTheme(flags.theme ?? 'system');
  // A prediction exercise replays the recording only once the reader has predicted.
  const [guess, setGuess] = useState<Guess | null>(null);
  const predictFirst = flags.predict === true && recording.kind !== 'none' && guess === null;
  return (
    <div className={flags.embed ? 'fallback fallback-embed' : 'fallback'}>
      <header className="app-header">
        <h1>{demo.title}</h1>
        <a href={openUrl} target="_blank" rel="noopener">
          Open in Interleave
        </a>
      </header>
      <main className="fallback-body">
        <p className="fallback-open">
          <a className="button-link" href={openUrl} target="_blank" rel="noopener">
            Open in a new tab
          </a>{' '}
          A tab of its own runs this exact setup live, with real threads.
        </p>
        {recording.kind === 'none' ? (
          <p className="empty">
            Threads cannot run live here (see why below), and this link carries its own program, so
            there is no recording of it: open it in a new tab to run it.
          </p>
        ) : predictFirst ? (
          <PredictionForm spec={predictionOf(demo.id)} onCommit={setGuess} />
        ) : (
          <RecordedRun
            demo={demo}
            params={state.params ?? {}}
            source={recording}
            theme={theme}
            prediction={guess ? { guess, onAgain: () => setGuess(null) } : undefined}
          />
        )}
        <section aria-labelledby="fallback-program-title">
          <h2 id="fallback-program-title">The program</h2>
          <pre
            className="fallback-program"
            tabIndex={0}
            aria-label={`Program of the ${demo.title} demo`}
          >
            <code>{state.code ?? demo.source}</code>
          </pre>
        </section>
        <section className="fallback-why" role="note" aria-labelledby="fallback-why-title">
          <h2 id="fallback-why-title">Live threads are unavailable here</h2>
          <IsolationHelp problem={problem} openUrl={openUrl} />
        </section>
        {!predictFirst && <ExplainPanel demo={demo} />}
      </main>
    </div>
  );
}
