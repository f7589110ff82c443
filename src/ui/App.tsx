import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { FIRST_VISIT } from '../demos/topics';
import type { DemoDefinition } from '../demos/types';
import { COMMON_KNOBS } from '../runtime/common-knobs';
import { programGlobalsDts } from '../runtime/editor-declarations';
import type { Session } from '../runtime/session';
import type { EditorMarker } from './editor/CodeEditor';
import { useSession } from './use-session';
import { useTheme } from './use-theme';
import { DemoPicker } from './workbench/DemoPicker';
import { ExplainPanel } from './workbench/ExplainPanel';
import { KnobControls } from './workbench/KnobControls';
import { RunControls } from './workbench/RunControls';
import { Splitter } from './workbench/Splitter';
import { ThemeSwitch } from './workbench/ThemeSwitch';
import { useShortcuts } from './workbench/use-shortcuts';
import { ViewsPane, type ViewId } from './workbench/ViewsPane';
import { LinkNotice } from './workbench/LinkNotice';
import { ShareButtons } from './workbench/ShareButtons';
import { lookupFor, type Arrival } from './startup';
import { shareUrl } from '../share/url-state';
import type { NoticeBoard } from './notices';
import { PageNotices } from './workbench/PageNotices';
import { useStore } from './value-store';
import { usePrediction } from './predict/use-prediction';
import { PredictionPanel } from './predict/PredictionPanel';
import { PredictToggle } from './predict/PredictToggle';
import { usePostHeight } from './use-post-height';
import { useStepDesk } from './step/use-step-desk';
import { ModeSwitch } from './step/ModeSwitch';
import { FindTheBug } from './step/FindTheBug';
import { nextLinesOf } from './step/next-lines-of';
import { useSettledNextLines } from './step/use-settled-next-lines';
import './step/step.css';

const CodeEditor = lazy(() => import('./editor/CodeEditor'));
// Step mode's controls load when step mode is first chosen: the first page load does without them.
const StepPane = lazy(() => import('./step/StepPane').then((m) => ({ default: m.StepPane })));
const SharedValuesPanel = lazy(() =>
  import('./step/SharedValuesPanel').then((m) => ({ default: m.SharedValuesPanel })),
);

const NO_MARKERS: readonly EditorMarker[] = [];

type Props = {
  session: Session;
  demos: readonly DemoDefinition[];
  arrival: Arrival;
  notices: NoticeBoard;
};

/** The workbench: program and knobs on the left, what happened on the right. */
export function App({ session, demos, arrival, notices }: Props) {
  const { state, running, report } = useSession(session);
  const { flags } = arrival;
  const link = useStore(arrival.links);
  const prediction = usePrediction(session, flags.predict === true);
  const choosing = prediction.phase.kind === 'choosing';
  const root = useRef<HTMLDivElement>(null);
  usePostHeight(root, flags.embed && flags.resize === true);
  const { theme, choice, setChoice } = useTheme(flags.theme ?? 'system');
  const embed = flags.embed;
  const initialView: ViewId = flags.view === 'chart' ? 'lab' : 'timeline';
  const [split, setSplit] = useState(0.45);
  const demo = session.demo() ?? demos[0];
  const { desk, now } = useStepDesk(session);
  const stepMode = state.mode === 'step';
  const step = stepMode ? session.stepState() : null;
  const run = useCallback(() => {
    // Before the learner has predicted, only the prediction panel's button runs.
    if (choosing) return;
    if (stepMode) void desk.runToEnd();
    else void session.run().catch(() => undefined);
  }, [session, desk, choosing, stepMode]);
  // In step mode Escape ends a search or a playing schedule; the paused run stays open.
  const stop = useCallback(() => {
    desk.pause();
    if (!stepMode || session.searchProgress()) session.stop();
  }, [session, desk, stepMode]);
  const stepThread = useCallback(
    (thread: number) => {
      if (session.stepState()) void desk.step(thread);
    },
    [session, desk],
  );
  useShortcuts(run, stop, stepMode ? stepThread : undefined);
  const nextLines = useSettledNextLines(nextLinesOf(step), now.pending <= 1);

  const source = session.source();
  const markers = useMemo<readonly EditorMarker[]>(() => {
    const found = (report?.threads ?? []).flatMap((t) =>
      t.error?.line
        ? [{ line: t.error.line, column: t.error.column, message: t.error.message }]
        : [],
    );
    // The same empty list after every clean run: new markers make Monaco redraw, at a busy moment.
    return found.length > 0 ? found : NO_MARKERS;
  }, [report]);
  if (!demo) return null;
  const params = session.params();

  return (
    <div ref={root} className={embed ? `app app-embed${flags.resize ? ' app-fit' : ''}` : 'app'}>
      {embed ? (
        <header className="app-header">
          <h1>{demo.title}</h1>
          <a
            href={shareUrl(`${location.origin}${location.pathname}`, state, lookupFor(session))}
            target="_blank"
            rel="noopener"
          >
            Open in Interleave
          </a>
        </header>
      ) : (
        <header className="app-header">
          <h1>Interleave</h1>
          <DemoPicker demos={demos} value={state.demo} onChange={(id) => session.switchDemo(id)} />
          <ShareButtons session={session} title={demo.title} />
          <ThemeSwitch choice={choice} onChange={setChoice} />
        </header>
      )}
      <LinkNotice
        key={link.seq}
        problems={link.problems}
        codeFromLink={link.codeFromLink}
        draft={link.draft}
        onRestoreDraft={(draft) => session.load(draft)}
      />
      <PageNotices notices={notices} />
      <main className="workbench" style={{ gridTemplateColumns: `${split}fr auto ${1 - split}fr` }}>
        <section className="program-pane" aria-label="Program">
          {/* Before the editor: Monaco keeps Tab for indentation, so keyboard users reach Run first. */}
          {(!embed || flags.predict) && (
            <PredictToggle on={prediction.phase.kind !== 'off'} onChange={prediction.setOn} />
          )}
          <PredictionPanel prediction={prediction} demo={demo} />
          {!choosing && (
            <div className="run-row">
              <RunControls running={running !== null} onRun={run} onStop={stop} />
              {!embed && (
                <ModeSwitch
                  mode={stepMode ? 'step' : 'parallel'}
                  onChange={(m) => void desk.setMode(m)}
                />
              )}
            </div>
          )}
          {!choosing && !embed && (
            <FindTheBug desk={desk} now={now} progress={session.searchProgress()} />
          )}
          {!choosing && stepMode && (
            <Suspense fallback={null}>
              <StepPane
                desk={desk}
                now={now}
                step={step}
                demo={demo}
                params={params}
                scheduled={state.schedule?.length ?? 0}
              />
            </Suspense>
          )}
          {arrival.firstVisit && !embed && state.demo === FIRST_VISIT.demo && (
            <p className="first-visit">{FIRST_VISIT.sentence}</p>
          )}
          <Suspense fallback={<p className="editor-loading">Loading the editor…</p>}>
            <CodeEditor
              value={source}
              onChange={(code) => {
                if (code !== session.source())
                  session.update({ code: code === demo.source ? undefined : code });
              }}
              markers={choosing ? NO_MARKERS : markers}
              readOnly={embed && !flags.edit}
              theme={theme}
              globalsDts={programGlobalsDts}
              label={`Program of the ${demo.title} demo`}
              nextLines={nextLines}
            />
          </Suspense>
          {(!embed || flags.knobs) && (
            <KnobControls
              knobs={[
                ...demo.knobs,
                ...COMMON_KNOBS.filter((c) => !demo.knobs.some((k) => k.id === c.id)),
              ]}
              values={params}
              disabled={false}
              onChange={(id, value) => session.update({ params: { ...state.params, [id]: value } })}
            />
          )}
        </section>
        <Splitter value={split} onChange={setSplit} label="Resize the program and views panes" />
        <section className="views-pane" aria-label="What happened">
          {stepMode && !choosing && (
            <Suspense fallback={null}>
              <SharedValuesPanel log={session.log} version={session.log?.version ?? 0} />
            </Suspense>
          )}
          {choosing ? (
            <p className="empty">Make your prediction, then run the program to see what happens.</p>
          ) : (
            !(embed && flags.view === 'code') && (
              <ViewsPane
                key={state.demo}
                session={session}
                theme={theme}
                initialView={demo.lab && !embed ? 'lab' : initialView}
                views={embed ? flags.views : undefined}
              />
            )
          )}
          {(!embed || flags.explain) && !prediction.hidesHints && <ExplainPanel demo={demo} />}
        </section>
      </main>
    </div>
  );
}
