import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demos } from './demos/catalogue';
import { Session } from './runtime/session';
import { WorkerPool } from './runtime/worker-pool';
import { App } from './ui/App';
import { createInterleaveApi } from './ui/interleave-api';
import { isolationProblem } from './ui/isolation';
import { NotIsolated } from './ui/NotIsolated';
import { arrive, serveApi } from './ui/startup';
import './ui/theme.css';
import './ui/styles.css';

const problem = isolationProblem();
const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  if (problem) {
    app.render(<NotIsolated problem={problem} />);
  } else {
    const session = new Session(new WorkerPool(), demos);
    serveApi(session, createInterleaveApi(session));
    const arrival = arrive(session, storageOrNull());
    app.render(
      <StrictMode>
        <App session={session} demos={demos} arrival={arrival} />
      </StrictMode>,
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
