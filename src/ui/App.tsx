import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { FIRST_VISIT } from '../demos/topics';
import type { DemoDefinition, Knob } from '../demos/types';
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

const CodeEditor = lazy(() => import('./editor/CodeEditor'));

/** Knobs every program has (docs/programs.md), shown after the demo's own. */
const COMMON_KNOBS: Knob[] = [
  {
    id: 'gil',
    label: 'GIL: one thread runs at a time',
    kind: 'boolean',
    default: false,
    help: 'As in CPython: released by sleep() and blocking calls.',
  },
  { id: 'seed', label: 'Random seed', kind: 'number', default: 1, min: 0, max: 1_000_000 },
];

type Props = {
  session: Session;
  demos: readonly DemoDefinition[];
  arrival: Arrival;
};

/** The workbench: program and knobs on the left, what happened on the right. */
export function App({ session, demos, arrival }: Props) {
  const { state, running, report } = useSession(session);
  const { flags } = arrival;
  const { theme, choice, setChoice } = useTheme(flags.theme ?? 'system');
  const embed = flags.embed;
  const initialView: ViewId = flags.view === 'chart' ? 'lab' : 'timeline';
  const [split, setSplit] = useState(0.45);
  const demo = session.demo() ?? demos[0];
  const run = useCallback(() => void session.run().catch(() => undefined), [session]);
  const stop = useCallback(() => session.stop(), [session]);
  useShortcuts(run, stop);

  const source = session.source();
  const markers = useMemo<EditorMarker[]>(
    () =>
      (report?.threads ?? []).flatMap((t) =>
        t.error?.line
          ? [{ line: t.error.line, column: t.error.column, message: t.error.message }]
          : [],
      ),
    [report],
  );
  if (!demo) return null;
  const params = session.params();

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
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
      {!embed && (
        <LinkNotice
          problems={arrival.problems}
          codeFromLink={arrival.codeFromLink}
          draft={arrival.draft}
          onRestoreDraft={(draft) => session.load(draft)}
        />
      )}
      {embed && arrival.codeFromLink && (
        <p className="link-notice" role="status">
          This program came from the link: read it, then click Run.
        </p>
      )}
      <main className="workbench" style={{ gridTemplateColumns: `${split}fr auto ${1 - split}fr` }}>
        <section className="program-pane" aria-label="Program">
          {/* Before the editor: Monaco keeps Tab for indentation, so keyboard users reach Run first. */}
          <RunControls running={running !== null} onRun={run} onStop={stop} />
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
              markers={markers}
              readOnly={embed && !flags.edit}
              theme={theme}
              globalsDts={programGlobalsDts}
              label={`Program of the ${demo.title} demo`}
            />
          </Suspense>
          {!embed && (
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
          {!(embed && flags.view === 'code') && (
            <ViewsPane
              key={state.demo}
              session={session}
              theme={theme}
              initialView={demo.lab && !embed ? 'lab' : initialView}
            />
          )}
          {!embed && <ExplainPanel demo={demo} />}
        </section>
      </main>
    </div>
  );
}
