import { lazy, Suspense, useState } from 'react';
import type { Session } from '../../runtime/session';
import { EventTable } from '../timeline/EventTable';
import { Timeline } from '../timeline/Timeline';
import { useLiveLogVersion } from '../use-live-log';
import { OutputConsole } from '../views/OutputConsole';
import { Verdict } from '../views/Verdict';
import { WaitForGraph } from '../views/WaitForGraph';
import { Tabs, type Tab } from './Tabs';
import { useRunTimeline } from './use-run-timeline';
import { ExportButtons } from './ExportButtons';
import { SelectionPanel } from './SelectionPanel';
import { useStepRun } from './use-step-timeline';
import { lostUpdateSentence } from '../timeline/step-model';
import type { HoldSpan, StateSpan } from '../../trace/types';
import type { ViewName } from '../../share/flags';

const LabTab = lazy(() => import('./LabTab'));
// Step mode's views load when a step run first opens: the first page load does without them.
const StepTimelinePanel = lazy(() =>
  import('./StepTimelinePanel').then((m) => ({ default: m.StepTimelinePanel })),
);
const StepEventTable = lazy(() =>
  import('../timeline/StepEventTable').then((m) => ({ default: m.StepEventTable })),
);

export type ViewId = ViewName;

type Props = {
  session: Session;
  theme: 'light' | 'dark';
  initialView: ViewId;
  /** Only these tabs, in this order (an embed's `views` flag); all of them when absent. */
  views?: readonly ViewId[];
};

/** The verdict, then tabs: timeline, wait-for graph, output, the event table, the speedup lab. */
export function ViewsPane({ session, theme, initialView, views }: Props) {
  const [view, setView] = useState<string>(views?.[0] ?? initialView);
  const [selected, setSelected] = useState<StateSpan | HoldSpan | null>(null);
  const running = session.running;
  const log = session.log;
  const stepRun = useStepRun(session, session.version);
  // A step run paused mid-way has no report yet: the last one belongs to an earlier run.
  const report = running ? null : stepRun ? (stepRun.state.report ?? null) : session.lastReport();
  const version = useLiveLogVersion(log, running !== null);
  // A step run draws its own timeline: deriving the parallel one at every step would be waste.
  const model = useRunTimeline(stepRun ? null : log, report, running !== null, version);
  const threads = model?.threads ?? stepRun?.model.lanes.map((l) => l.thread) ?? [];
  const objects = model?.objects ?? log?.objects ?? [];
  const threadNames = new Map(threads.map((t) => [t.id, t.name]));
  const nameOf = (id: number) => threadNames.get(id) ?? `T${id}`;
  const lostUpdates = (stepRun?.lostUpdates ?? model?.lostUpdates ?? report?.lostUpdates ?? []).map(
    (lost) => lostUpdateSentence(lost, nameOf),
  );
  const demo = session.demo();
  const expected =
    demo?.expect.default ?? (session.params().fix === true ? demo?.expect.fix : demo?.expect.bug);

  return (
    <div className="views">
      <Verdict
        report={report}
        running={running !== null}
        expected={expected}
        threadNames={threadNames}
        lostUpdates={lostUpdates}
        {...(stepRun && !stepRun.state.report ? { pausedAt: stepRun.state.steps } : {})}
      />
      <Tabs
        label="Views of the run"
        active={view}
        onChange={setView}
        tabs={only(views, [
          {
            id: 'timeline',
            label: 'Timeline',
            content: () =>
              stepRun ? (
                <Suspense fallback={null}>
                  <StepTimelinePanel session={session} run={stepRun} />
                </Suspense>
              ) : model ? (
                <>
                  <Timeline
                    {...model}
                    live={running !== null}
                    theme={theme}
                    onSelect={setSelected}
                  />
                  <SelectionPanel
                    selected={selected}
                    threads={model.threads}
                    objects={model.objects}
                  />
                  <ExportButtons session={session} model={model} />
                </>
              ) : (
                <p className="empty">Run the program to see each thread’s timeline.</p>
              ),
          },
          {
            id: 'graph',
            label: 'Wait-for graph',
            content: () =>
              log?.hang && (model || stepRun) ? (
                <WaitForGraph
                  graph={log.hang.graph}
                  cycles={log.hang.cycles}
                  threads={threads}
                  objects={objects}
                  sentence={log.hang.sentence}
                />
              ) : (
                <p className="empty">
                  No thread is stuck. When a run deadlocks or hangs, the wait-for graph appears
                  here.
                </p>
              ),
          },
          {
            id: 'output',
            label: 'Output',
            content: () => (
              <OutputConsole
                lines={log?.output ?? []}
                threads={threads}
                truncated={log?.outputTruncated ?? false}
                waitingForInput={waitingForInput(session)}
                onInput={(line) => running?.sendInput(line)}
              />
            ),
          },
          {
            id: 'events',
            label: 'Event table',
            content: () =>
              stepRun ? (
                <Suspense fallback={null}>
                  <StepEventTable model={stepRun.model} />
                </Suspense>
              ) : model ? (
                <EventTable
                  threads={model.threads}
                  objects={model.objects}
                  spans={model.spans}
                  values={model.values}
                />
              ) : null,
          },
          {
            id: 'lab',
            label: 'Speedup lab',
            content: () => (
              <Suspense fallback={<p>Loading the lab…</p>}>
                <LabTab session={session} />
              </Suspense>
            ),
          },
        ])}
      />
    </div>
  );
}

/** The tabs `views` names, in its order; every tab when it names none. */
function only(views: readonly ViewId[] | undefined, tabs: (Tab & { id: ViewId })[]): Tab[] {
  if (!views) return tabs;
  return views.flatMap((id) => tabs.filter((tab) => tab.id === id));
}

function waitingForInput(session: Session): { thread: number; prompt: string } | null {
  const run = session.running;
  const thread = run?.inputWaiting() ?? -1;
  if (!run || thread < 0) return null;
  const prompt = [...run.log.output].reverse().find((l) => l.thread === thread)?.text ?? '';
  return { thread, prompt };
}
