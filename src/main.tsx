import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demos } from './demos/catalogue';
import { Session } from './runtime/session';
import { WorkerPool } from './runtime/worker-pool';
import { App } from './ui/App';
import { createInterleaveApi } from './ui/interleave-api';
import { isolationProblem } from './ui/isolation';
import './ui/styles.css';

const problem = isolationProblem();
const session = problem ? null : new Session(new WorkerPool(), demos);
if (session) window.interleave = createInterleaveApi(session);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
