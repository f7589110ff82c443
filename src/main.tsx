import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { demos } from './demos/catalogue';
import { Session } from './runtime/session';
import { RunnerClient } from './runtime/runner-client';
import { App } from './ui/App';
import { fallbackTargetOf } from './ui/fallback/fallback-target';
import { createInterleaveApi } from './ui/interleave-api';
import { isolationProblem } from './ui/isolation';
import { openRunnerFrame } from './ui/runner-frame';
import { NotIsolated } from './ui/NotIsolated';
import { NoticeBoard } from './ui/notices';
import { serveApi } from './ui/serve-api';
import { arrive } from './ui/startup';
import './ui/theme.css';
import './ui/styles.css';
import './ui/course.css';

// Only browsers without shared memory need the recorded-run page: load it on demand.
const RecordedDemo = lazy(() =>
  import('./ui/fallback/RecordedDemo').then((m) => ({ default: m.RecordedDemo })),
);

const problem = isolationProblem();
const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  if (problem) {
    void fallbackTargetOf(location, demos).then((target) =>
      app.render(
        target ? (
          <StrictMode>
            <Suspense fallback={null}>
              <RecordedDemo target={target} problem={problem} />
            </Suspense>
          </StrictMode>
        ) : (
          <NotIsolated problem={problem} />
        ),
      ),
    );
  } else {
    const session = new Session(new RunnerClient(openRunnerFrame), demos);
    const notices = new NoticeBoard();
    serveApi(session, createInterleaveApi(session, notices), notices);
    if (new URLSearchParams(location.search).get('record') === '1') exposeRecorder(session);
    void arrive(session, storageOrNull(), notices).then((arrival) =>
      app.render(
        <StrictMode>
          <App session={session} demos={demos} arrival={arrival} notices={notices} />
        </StrictMode>,
      ),
    );
  }
}

/** localStorage, or null where the browser refuses it (private modes, sandboxed frames). */
function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** `window.__interleaveRecord()`, for scripts/record-runs.mjs: the last run as a recording. */
function exposeRecorder(session: Session): void {
  Object.assign(window, {
    __interleaveRecord: async () => (await import('./ui/fallback/record-run')).recordingOf(session),
  });
}
